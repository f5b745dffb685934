package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link SelfAttentionTest} on the PyTorch engine. */
class SelfAttentionOnPyTorchTest extends SelfAttentionTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
