package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link MaxoutTest} on the PyTorch engine. */
class MaxoutOnPyTorchTest extends MaxoutTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
