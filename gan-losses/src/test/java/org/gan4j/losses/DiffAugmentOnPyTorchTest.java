package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link DiffAugmentTest} on the PyTorch engine. */
class DiffAugmentOnPyTorchTest extends DiffAugmentTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
