package org.gan4j.api.engine;

/** Waits for the engine's queued work, so a profiler's clock reads finished operations. */
public interface EngineSync {

    /** Returns when every operation issued so far has finished. */
    void waitAll();
}
