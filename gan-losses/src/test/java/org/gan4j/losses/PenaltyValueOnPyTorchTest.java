package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link PenaltyValueTest} on the PyTorch engine. */
class PenaltyValueOnPyTorchTest extends PenaltyValueTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
