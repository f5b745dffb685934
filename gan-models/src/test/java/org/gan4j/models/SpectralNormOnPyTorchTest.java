package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link SpectralNormTest} on the PyTorch engine. */
class SpectralNormOnPyTorchTest extends SpectralNormTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
