package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link Pix2PixArchitectureTest} on the PyTorch engine. */
class Pix2PixArchitectureOnPyTorchTest extends Pix2PixArchitectureTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
