package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link LabelSmoothingTest} on the PyTorch engine. */
class LabelSmoothingOnPyTorchTest extends LabelSmoothingTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
