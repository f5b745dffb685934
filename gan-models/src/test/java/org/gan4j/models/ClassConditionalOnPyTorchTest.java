package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link ClassConditionalTest} on the PyTorch engine. */
class ClassConditionalOnPyTorchTest extends ClassConditionalTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
