package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link ResnetArchitectureTest} on the PyTorch engine. */
class ResnetArchitectureOnPyTorchTest extends ResnetArchitectureTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
