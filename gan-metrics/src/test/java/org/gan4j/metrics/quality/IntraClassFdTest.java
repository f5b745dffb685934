package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntraClassFdTest {

    @Test
    void handComputedPerClassAndMean() {
        // d = 1: FD = (μr − μf)² + σr² + σf² − 2σrσf (variances over n − 1).
        // class 0: real {0, 2} (μ 1, σ² 2), fake {1, 3} (μ 2, σ² 2): 1 + 2 + 2 − 4 = 1.
        // class 1: real {0, 0, 3} (μ 1, σ² 3), fake {0, 4} (μ 2, σ² 8): 1 + 3 + 8 − 2·√24.
        float[] real = {0, 0, 2, 0, 3};
        int[] realLabels = {0, 1, 0, 1, 1};
        float[] fake = {1, 0, 3, 4};
        int[] fakeLabels = {0, 1, 0, 1};
        IntraClassFd.Result r = IntraClassFd.compute(real, realLabels, fake, fakeLabels, 1, 2, 2);
        double fd1 = 12 - 2 * Math.sqrt(24);
        assertEquals(1.0, r.perClass()[0], 1e-9);
        assertEquals(fd1, r.perClass()[1], 1e-9);
        assertEquals((1 + fd1) / 2, r.mean(), 1e-9);
        assertArrayEquals(new int[] {2, 3}, r.nReal());
        assertArrayEquals(new int[] {2, 2}, r.nFake());
    }

    @Test
    void tooFewSamplesOfAClassForTheFeatureDimensionAreRefused() {
        float[] real = new float[4 * 3];
        float[] fake = new float[4 * 3];
        int[] labels = {0, 0, 1, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntraClassFd.compute(
                real, labels, fake, labels, 3, 2, IntraClassFd.minimumPerClass(3)));
        assertTrue(e.getMessage().contains("class 0 has 2 real and 2 generated samples; each class needs at least 4"),
                e.getMessage());
    }
}
