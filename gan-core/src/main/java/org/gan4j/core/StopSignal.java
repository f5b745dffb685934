package org.gan4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to stop a run from another thread (a library caller's cancel): the trainer finishes its
 * current step, writes a checkpoint and returns as interrupted, exactly as on SIGINT. A request made
 * before the run starts stops it after its first step.
 */
public final class StopSignal {
    private final List<Runnable> targets = new ArrayList<>();
    private boolean requested;

    /** Asks every bound run to stop; thread-safe and idempotent. */
    public void request() {
        List<Runnable> now;
        synchronized (this) {
            requested = true;
            now = List.copyOf(targets);
        }
        now.forEach(Runnable::run);
    }

    /** Whether {@link #request()} was called. */
    public synchronized boolean isRequested() {
        return requested;
    }

    /** Binds a run's stop; it runs at once when a stop was already requested. */
    void bind(Runnable stop) {
        boolean already;
        synchronized (this) {
            targets.add(stop);
            already = requested;
        }
        if (already) {
            stop.run();
        }
    }
}
