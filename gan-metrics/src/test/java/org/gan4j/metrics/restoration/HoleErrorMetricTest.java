package org.gan4j.metrics.restoration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** hole-error on a stub conditional evaluation. */
class HoleErrorMetricTest {
    private static final Shape SHAPE = new Shape(1, 3, 4, 4);

    @Test
    void measuresOnlyTheHoleForOutputAndBaseline() {
        float[] target = new float[48];
        float[] mask = new float[16];
        mask[5] = 1;
        mask[6] = 1; // two pixels of the 4×4 image
        float[] output = ConditionalStub.random(48, 1); // wrong everywhere outside the hole
        float[] baseline = new float[48];
        for (int ch = 0; ch < 3; ch++) {
            for (int p : new int[] {5, 6}) {
                output[ch * 16 + p] = 0.5f; // 0.25 off in [0, 1]
                baseline[ch * 16 + p] = 1f; // 0.5 off
            }
        }
        HoleErrorMetric metric = new HoleErrorMetric();
        try (ConditionalStub context = new ConditionalStub(SHAPE, target, output, baseline, mask)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(64, context.requested);
            assertEquals(List.of("hole_l1", "hole_psnr", "hole_l1_baseline", "hole_psnr_baseline"),
                    List.copyOf(m.keySet()));
            assertEquals(0.25, m.get("hole_l1"), 1e-12);
            assertEquals(10 * Math.log10(16), m.get("hole_psnr"), 1e-12);
            assertEquals(0.5, m.get("hole_l1_baseline"), 1e-12);
            assertEquals(10 * Math.log10(4), m.get("hole_psnr_baseline"), 1e-12);
        }
        metric.setPrefix("inp_");
        try (ConditionalStub context = new ConditionalStub(SHAPE, target, output, null, mask)) {
            assertEquals(List.of("inp_hole_l1", "inp_hole_psnr"), List.copyOf(metric.evaluate(context).keySet()));
        }
    }

    @Test
    void refusesRunsWithoutAMaskOrUnconditional() {
        float[] x = new float[48];
        Arrays.fill(x, 0.1f);
        HoleErrorMetric metric = new HoleErrorMetric();
        try (ConditionalStub context = new ConditionalStub(SHAPE, x, x, x, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(context));
            assertTrue(e.getMessage().startsWith("metric 'hole-error' needs a task that gives a mask of the missing pixels"),
                    e.getMessage());
        }
        try (ConditionalStub context = new ConditionalStub()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(context));
            assertEquals("metric 'hole-error' needs a conditional run: add a task: section that conditions on an "
                    + "image", e.getMessage());
        }
    }
}
