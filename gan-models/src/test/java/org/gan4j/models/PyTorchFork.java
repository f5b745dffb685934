package org.gan4j.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

/**
 * The tests named {@code *OnPyTorchTest} rerun MXNet test classes in surefire's {@code pytorch} execution, a
 * JVM whose DJL default engine is PyTorch (one engine per process). Run by name in the MXNet JVM they skip.
 */
final class PyTorchFork {
    private PyTorchFork() {}

    static void assumeActive() {
        assumeTrue("PyTorch".equals(Engine.getDefaultEngineName()),
                "runs in the PyTorch test JVM (surefire execution 'pytorch')");
    }
}
