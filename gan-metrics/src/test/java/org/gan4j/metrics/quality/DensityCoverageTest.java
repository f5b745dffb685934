package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DensityCoverageTest {

    @Test
    void handComputedWithKOne() {
        // Real 0,1,2,3 with k = 1: every ball has radius 1. Fake 0.5 lies in the balls of 0 and 1, fake 4 on the
        // boundary of 3's, fake 10 in none: 3 memberships / (k·M = 3) = 1; balls of 0, 1, 3 hold a fake: 3/4.
        DensityCoverage.Result r = DensityCoverage.compute(new float[] {0, 1, 2, 3}, new float[] {0.5f, 4, 10}, 1, 1);
        assertEquals(1.0, r.density(), 0);
        assertEquals(0.75, r.coverage(), 0);
    }

    @Test
    void handComputedWithKTwo() {
        // k = 2 radii: 0 -> 2, 1 -> 1, 2 -> 1, 3 -> 2. Fake 0.5 in the balls of 0 and 1; fake 4 in 3's; 10 in none.
        // density = 3 / (2·3) = 0.5; coverage = 3/4.
        DensityCoverage.Result r = DensityCoverage.compute(new float[] {0, 1, 2, 3}, new float[] {0.5f, 4, 10}, 1, 2);
        assertEquals(0.5, r.density(), 0);
        assertEquals(0.75, r.coverage(), 0);
    }

    @Test
    void outlyingFakesDoNotRaiseThemUnlikePrecision() {
        float[] real = {0, 1, 2, 3};
        float[] collapsed = {1, 1, 1, 1};
        DensityCoverage.Result r = DensityCoverage.compute(real, collapsed, 1, 1);
        assertEquals(0.75, r.coverage(), 0); // balls of 0, 1, 2 (radius 1) hold the fakes at 1; 3's does not
        assertEquals(3.0, r.density(), 0);   // each fake sits in 3 balls: 12 / (1·4)
    }
}
