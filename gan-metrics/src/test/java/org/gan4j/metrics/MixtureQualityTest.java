package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.api.data.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** Exact counts on hand-made sample sets. */
class MixtureQualityTest {
    /** Four modes on a square, σ = 1. */
    static final GaussianMixture SQUARE = GaussianMixture.uniform(
            List.of(new double[] {0, 0}, new double[] {10, 0}, new double[] {0, 10}, new double[] {10, 10}), 1.0);

    /** 3 high-quality samples near mode 0, 2 near mode 1, and 3 low-quality ones (one exactly at 3σ). */
    static final float[] HAND_MADE = {
        0.5f, 0, //   mode 0, distance 0.5
        0, 2.9f, //   mode 0, 2.9
        -2.99f, 0, // mode 0, 2.99
        10, 1, //     mode 1, 1.0
        9, 0, //      mode 1, 1.0
        5, 5, //      nearest 0 (ties go to the first), 7.07: low quality
        13.5f, 10, // mode 3, 3.5: low quality
        10, 13, //    mode 3, exactly 3.0: not below the threshold
    };

    @Test
    void countsModesAndHighQualitySamplesExactly() {
        MixtureQuality.Result r = MixtureQuality.evaluate(HAND_MADE, SQUARE, 3.0, 1);
        assertArrayEquals(new int[] {3, 2, 0, 0}, r.modeCounts());
        assertEquals(2, r.modesCaptured());
        assertEquals(5.0 / 8, r.highQualityFraction(), 1e-15);
        double entropy = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4));
        assertEquals(Math.log(4) - entropy, r.reverseKl(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 0, 3, 3}, r.nearestMode());
        assertArrayEquals(new boolean[] {true, true, true, true, true, false, false, false}, r.highQuality());
    }

    @Test
    void thresholdsAreConfigurable() {
        MixtureQuality.Result strict = MixtureQuality.evaluate(HAND_MADE, SQUARE, 3.0, 3);
        assertEquals(1, strict.modesCaptured()); // only mode 0 has 3 high-quality samples
        MixtureQuality.Result loose = MixtureQuality.evaluate(HAND_MADE, SQUARE, 4.0, 1);
        assertArrayEquals(new int[] {3, 2, 0, 2}, loose.modeCounts()); // 3.0 and 3.5 now count for mode 3
        assertEquals(3, loose.modesCaptured());
        assertEquals(7.0 / 8, loose.highQualityFraction(), 1e-15);
        MixtureQuality.Result tight = MixtureQuality.evaluate(HAND_MADE, SQUARE, 0.75, 1);
        assertArrayEquals(new int[] {1, 0, 0, 0}, tight.modeCounts());
        assertEquals(Math.log(4), tight.reverseKl(), 1e-12); // all mass on one mode: log 4 − 0
    }

    @Test
    void distancesAreNormalisedByEachModesStd() {
        GaussianMixture unequal = new GaussianMixture(List.of(new double[] {0}, new double[] {10}),
                new double[] {1, 4}, new double[] {0.5, 0.5});
        // x = 4: 4σ from mode 0 but 1.5σ from mode 1, so it belongs to mode 1 and is high quality
        MixtureQuality.Result r = MixtureQuality.evaluate(new float[] {4, 0.5f, 16}, unequal, 3, 1);
        assertArrayEquals(new int[] {1, 0, 1}, r.nearestMode());
        assertArrayEquals(new int[] {1, 2}, r.modeCounts());
        assertEquals(1.0, r.highQualityFraction(), 1e-15);
    }

    @Test
    void uniformCoverageHasZeroReverseKlAndNoHighQualityGivesNaN() {
        float[] one = {0, 0, 10, 0, 0, 10, 10, 10};
        MixtureQuality.Result r = MixtureQuality.evaluate(one, SQUARE, 3, 1);
        assertEquals(4, r.modesCaptured());
        assertEquals(0, r.reverseKl(), 1e-15);
        MixtureQuality.Result none = MixtureQuality.evaluate(new float[] {5, 5, 50, 50}, SQUARE, 3, 1);
        assertEquals(0, none.modesCaptured());
        assertEquals(0, none.highQualityFraction());
        assertTrue(Double.isNaN(none.reverseKl()));
    }

    @Test
    void theMetricReportsNamedResultsAndDrawsThePlot(@TempDir Path dir) throws Exception {
        MixtureQualityMetric metric = new MixtureQualityMetric();
        metric.setSamples(8);
        metric.setPrefix("ring_");
        try (StubContext context = new StubContext(HAND_MADE, HAND_MADE, 2, x -> 0, SQUARE, dir)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(List.of("ring_modes_captured", "ring_high_quality_fraction", "ring_mode_reverse_kl",
                    "ring_mode_0_count", "ring_mode_1_count", "ring_mode_2_count", "ring_mode_3_count"),
                    List.copyOf(m.keySet()));
            assertEquals(2.0, m.get("ring_modes_captured"));
            assertEquals(0.625, m.get("ring_high_quality_fraction"));
            assertEquals(3.0, m.get("ring_mode_0_count"));
            assertEquals(2.0, m.get("ring_mode_1_count"));
            ImageChecks.assertPicture(dir.resolve("ring-mixture-modes.png"), 640, 640);
            ImageChecks.assertPicture(dir.resolve("ring-mixture-modes-step000100.png"), 640, 640);
        }
    }

    @Test
    void theMetricTakesModesFromItsConfigAndChecksTheirDimension(@TempDir Path dir) throws Exception {
        MixtureQualityMetric metric = new MixtureQualityMetric();
        metric.setSamples(3);
        metric.setPlot(false);
        metric.setPerModeCounts(false);
        metric.setMeans(List.of(List.of(0.0), List.of(10.0)));
        metric.setStds(List.of(1.0, 4.0));
        try (StubContext context = new StubContext(new float[] {4, 0.5f, 16}, new float[3], 1, x -> 0, null, dir)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(List.of("modes_captured", "high_quality_fraction", "mode_reverse_kl"), List.copyOf(m.keySet()));
            assertEquals(2.0, m.get("modes_captured"));
            assertEquals(1.0, m.get("high_quality_fraction"));
            double entropy = -(1 / 3.0) * Math.log(1 / 3.0) - (2 / 3.0) * Math.log(2 / 3.0);
            assertEquals(Math.log(2) - entropy, m.get("mode_reverse_kl"), 1e-12);
        }
        MixtureQualityMetric noModes = new MixtureQualityMetric();
        try (StubContext context = new StubContext(new float[2500], new float[2500], 1, x -> 0, null, dir)) {
            assertThrows(IllegalStateException.class, () -> noModes.evaluate(context));
        }
        assertThrows(IllegalArgumentException.class, () -> metric.setMeans(List.of(List.of(0.0), List.of(1.0, 2.0))));
        assertThrows(IllegalArgumentException.class, () -> metric.setMinCount(0));
        assertThrows(IllegalArgumentException.class, () -> metric.setPrefix("Bad-"));
    }
}
