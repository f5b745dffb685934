package org.gan4j.metrics.restoration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** colourfulness on a stub conditional evaluation. */
class ColourfulnessMetricTest {
    private static final Shape SHAPE = new Shape(1, 3, 1, 2);
    /** One pixel pure red, one pure blue (planes R, G, B). */
    private static final float[] RED_BLUE = {1, -1, -1, -1, -1, 1};
    private static final float[] GRAY = {0.2f, -0.6f, 0.2f, -0.6f, 0.2f, -0.6f};

    @Test
    void reportsOutputTargetAndBaseline() {
        double redBlue = 63.75 * Math.sqrt(13) + 0.3 * 63.75 * Math.sqrt(5);
        ColourfulnessMetric metric = new ColourfulnessMetric();
        metric.setSamples(1);
        try (ConditionalStub context = new ConditionalStub(SHAPE, RED_BLUE, GRAY, GRAY, null)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(1, context.requested);
            assertEquals(List.of("colourfulness", "colourfulness_target", "colourfulness_baseline"),
                    List.copyOf(m.keySet()));
            assertEquals(0, m.get("colourfulness"), 1e-12);
            assertEquals(redBlue, m.get("colourfulness_target"), 1e-9);
            assertEquals(0, m.get("colourfulness_baseline"), 1e-12);
        }
        try (ConditionalStub context = new ConditionalStub(SHAPE, GRAY, RED_BLUE, null, null)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(List.of("colourfulness", "colourfulness_target"), List.copyOf(m.keySet()));
            assertEquals(redBlue, m.get("colourfulness"), 1e-9);
        }
    }

    @Test
    void refusesGrayImagesAndUnconditionalRuns() {
        ColourfulnessMetric metric = new ColourfulnessMetric();
        float[] x = new float[4];
        try (ConditionalStub context = new ConditionalStub(new Shape(1, 1, 2, 2), x, x, null, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(context));
            assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
        }
        try (ConditionalStub context = new ConditionalStub()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(context));
            assertEquals("metric 'colourfulness' needs a conditional run: add a task: section that conditions on an "
                    + "image", e.getMessage());
        }
    }
}
