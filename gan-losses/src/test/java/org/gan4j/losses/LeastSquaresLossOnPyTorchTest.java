package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link LeastSquaresLossTest} on the PyTorch engine. */
class LeastSquaresLossOnPyTorchTest extends LeastSquaresLossTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
