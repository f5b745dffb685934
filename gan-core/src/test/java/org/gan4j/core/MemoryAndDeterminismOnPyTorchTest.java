package org.gan4j.core;

import org.junit.jupiter.api.BeforeAll;

/** {@link MemoryAndDeterminismTest} on the PyTorch engine. */
class MemoryAndDeterminismOnPyTorchTest extends MemoryAndDeterminismTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
