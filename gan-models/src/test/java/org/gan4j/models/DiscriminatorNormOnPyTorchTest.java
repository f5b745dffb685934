package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link DiscriminatorNormTest} on the PyTorch engine. */
class DiscriminatorNormOnPyTorchTest extends DiscriminatorNormTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
