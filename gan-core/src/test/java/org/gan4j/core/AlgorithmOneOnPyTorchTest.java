package org.gan4j.core;

import org.junit.jupiter.api.BeforeAll;

/** {@link AlgorithmOneTest} on the PyTorch engine. */
class AlgorithmOneOnPyTorchTest extends AlgorithmOneTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
