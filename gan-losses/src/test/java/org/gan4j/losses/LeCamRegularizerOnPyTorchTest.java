package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link LeCamRegularizerTest} on the PyTorch engine. */
class LeCamRegularizerOnPyTorchTest extends LeCamRegularizerTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
