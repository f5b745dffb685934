package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link MlpArchitectureTest} on the PyTorch engine. */
class MlpArchitectureOnPyTorchTest extends MlpArchitectureTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
