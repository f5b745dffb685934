package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link HingeLossTest} on the PyTorch engine. */
class HingeLossOnPyTorchTest extends HingeLossTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
