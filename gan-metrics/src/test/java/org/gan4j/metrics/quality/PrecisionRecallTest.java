package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrecisionRecallTest {

    @Test
    void radiiAreTheKthNeighbourDistanceWithoutTheVectorItself() {
        float[] x = {0, 1, 3, 7}; // 1-D
        assertArrayEquals(new double[] {1, 1, 2, 4}, PrecisionRecall.radii(x, 1, 1), 0);
        assertArrayEquals(new double[] {3, 2, 3, 6}, PrecisionRecall.radii(x, 1, 2), 0);
        float[] plane = {0, 0, 3, 4, 0, 1}; // 2-D: (0,0), (3,4), (0,1)
        assertArrayEquals(new double[] {1, Math.sqrt(18), 1}, PrecisionRecall.radii(plane, 2, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecall.radii(x, 1, 4));
    }

    @Test
    void handMadeSetsGiveExactValues() {
        float[] real = {0, 1, 2, 3}; // k = 1: every ball has radius 1
        // Fakes: 0.5 (inside the balls of 0 and 1), 4 (exactly on the boundary of 3's ball), 10 (outside).
        float[] fake = {0.5f, 4, 10};
        // Fake radii (k = 1): 0.5 → 3.5, 4 → 3.5, 10 → 6; every real point lies within 3.5 of 0.5 or 4.
        PrecisionRecall.Result r = PrecisionRecall.compute(real, fake, 1, 1);
        assertEquals(2.0 / 3, r.precision(), 0);
        assertEquals(1.0, r.recall(), 0);
    }

    @Test
    void modeCollapseKeepsPrecisionAndLosesRecall() {
        float[] real = {0, 0, 10, 0, 0, 10, 10, 10}; // 2-D: four corners of a square of side 10, radius 10 (k=1)
        float[] fake = {0, 0, 0.1f, 0, 0, 0.1f, 0.1f, 0.1f}; // all near one corner, radii 0.1
        PrecisionRecall.Result r = PrecisionRecall.compute(real, fake, 2, 1);
        assertEquals(1.0, r.precision(), 0);  // every fake is realistic
        assertEquals(0.25, r.recall(), 0);    // only one of four real points is covered
        // The other way round: spread-out fakes against collapsed reals.
        PrecisionRecall.Result swapped = PrecisionRecall.compute(fake, real, 2, 1);
        assertEquals(0.25, swapped.precision(), 0);
        assertEquals(1.0, swapped.recall(), 0);
    }

    @Test
    void identicalSetsHavePerfectPrecisionAndRecall() {
        float[] x = FrechetDistanceTest.correlated(300, 8, 4);
        PrecisionRecall.Result r = PrecisionRecall.compute(x, x.clone(), 8, 3);
        assertEquals(1.0, r.precision(), 0);
        assertEquals(1.0, r.recall(), 0);
    }
}
