package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link WassersteinLossTest} on the PyTorch engine. */
class WassersteinLossOnPyTorchTest extends WassersteinLossTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
