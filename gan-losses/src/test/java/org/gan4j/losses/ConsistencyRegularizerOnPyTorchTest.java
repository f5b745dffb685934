package org.gan4j.losses;

import org.junit.jupiter.api.BeforeAll;

/** {@link ConsistencyRegularizerTest} on the PyTorch engine. */
class ConsistencyRegularizerOnPyTorchTest extends ConsistencyRegularizerTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }
}
