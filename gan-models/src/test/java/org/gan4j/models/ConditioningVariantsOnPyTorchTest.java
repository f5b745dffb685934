package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link ConditioningVariantsTest} on the PyTorch engine. */
class ConditioningVariantsOnPyTorchTest extends ConditioningVariantsTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
