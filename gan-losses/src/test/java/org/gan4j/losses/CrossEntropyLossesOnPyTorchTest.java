package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link CrossEntropyLossesTest} on the PyTorch engine. */
class CrossEntropyLossesOnPyTorchTest extends CrossEntropyLossesTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
