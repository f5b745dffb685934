package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelInceptionDistanceTest {

    @Test
    void kernelIsTheCubicPolynomialOfTheScaledDotProduct() {
        float[] a = {1, 1};
        float[] b = {1, 0};
        assertEquals(1.5 * 1.5 * 1.5, KernelInceptionDistance.kernel(a, 0, b, 0, 2), 1e-12);
    }

    @Test
    void handComputedOneDimensionalSets() {
        // k(x,y) = (xy + 1)^3. xx: k(0,1) = 1 -> 2/(2·1) = 1; yy: k(1,2) = 27 -> 27;
        // xy: k(0,1) + k(0,2) + k(1,1) + k(1,2) = 1 + 1 + 8 + 27 = 37 -> 2·37/4 = 18.5. MMD² = 1 + 27 − 18.5.
        KernelInceptionDistance.Result r = KernelInceptionDistance.compute(new float[] {0, 1}, new float[] {1, 2},
                1, 5, 2, 7);
        assertEquals(9.5, r.mean(), 1e-6);
        assertEquals(0, r.std(), 1e-6); // every subset of 2 of 2 is the whole set
        assertEquals(2, r.subsetSize());
    }

    @Test
    void unbiasedEstimateCanBeNegativeAndDividesByTheDimension() {
        // d = 2, k = (xᵀy/2 + 1)³: xx k((1,1),(0,0)) = 1, yy k((1,0),(0,1)) = 1,
        // xy: 1.5³ + 1.5³ + 1 + 1 = 8.75 -> 2·8.75/4 = 4.375. MMD² = 1 + 1 − 4.375.
        KernelInceptionDistance.Result r = KernelInceptionDistance.compute(new float[] {1, 1, 0, 0},
                new float[] {1, 0, 0, 1}, 2, 1, 2, 1);
        assertEquals(-2.375, r.mean(), 1e-6);
    }

    @Test
    void subsetsSmallerThanTheSetsVaryAndAverageTheAllPairsEstimate() {
        float[] real = {0, 1, 3};
        float[] fake = {1, 2, 5};
        KernelInceptionDistance.Result r = KernelInceptionDistance.compute(real, fake, 1, 4000, 2, 3);
        assertTrue(r.std() > 0);
        // The expectation over uniform subsets of 2 equals the U-statistic on all 3 vectors of each set.
        KernelInceptionDistance.Result all = KernelInceptionDistance.compute(real, fake, 1, 1, 3, 3);
        double unbiasedOfAll = all.mean();
        // Subset averages of the xx, yy terms are the full U-statistics; the xy term's too: same expectation.
        assertEquals(unbiasedOfAll, r.mean(), Math.abs(unbiasedOfAll) * 0.05 + 5 * r.std() / Math.sqrt(4000));
    }

    @Test
    void subsetLargerThanASetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelInceptionDistance.compute(new float[] {0, 1, 2}, new float[] {0, 1}, 1, 10, 3, 1));
        assertTrue(e.getMessage().contains("2 generated"), e.getMessage());
    }
}
