package org.gan4j.core;

import org.junit.jupiter.api.BeforeAll;

/** {@link GradientIsolationTest} on the PyTorch engine. */
class GradientIsolationOnPyTorchTest extends GradientIsolationTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
