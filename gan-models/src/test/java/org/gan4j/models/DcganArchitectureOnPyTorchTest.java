package org.gan4j.models;

import org.junit.jupiter.api.BeforeAll;

/** {@link DcganArchitectureTest} on the PyTorch engine. */
class DcganArchitectureOnPyTorchTest extends DcganArchitectureTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
