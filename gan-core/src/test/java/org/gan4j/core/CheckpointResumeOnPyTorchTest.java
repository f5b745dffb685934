package org.gan4j.core;

import org.junit.jupiter.api.BeforeAll;

/** {@link CheckpointResumeTest} on the PyTorch engine. */
class CheckpointResumeOnPyTorchTest extends CheckpointResumeTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
