package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.api.data.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** The divergence metric on hand-made real and generated sets. */
class DivergenceMetricTest {

    @Test
    void disjointSetsGiveLog2NatsOrOneBit(@TempDir Path dir) throws Exception {
        GaussianMixture data = StubContext.gaussian1d(0, 1);
        float[] real = StubContext.draw(data, 2500, 1);
        float[] fake = StubContext.draw(StubContext.gaussian1d(40, 1), 2500, 2);
        DivergenceMetric nats = new DivergenceMetric();
        nats.setDivergences(List.of("js", "kl", "reverse_kl"));
        DivergenceMetric bits = new DivergenceMetric();
        bits.setUnits("bits");
        bits.setPrefix("b_");
        bits.setPlot(false);
        try (StubContext context = new StubContext(fake, real, 1, x -> 0, data, dir)) {
            Map<String, Double> m = nats.evaluate(context);
            assertEquals(List.of("js", "kl", "reverse_kl"), List.copyOf(m.keySet()));
            assertEquals(Math.log(2), m.get("js"), 1e-12);
            // with pseudo-count 0.5 on 50 bins the smoothed KL of disjoint sets is large but finite
            assertTrue(m.get("kl") > 3 && Double.isFinite(m.get("kl")), "kl " + m);
            assertEquals(m.get("kl"), m.get("reverse_kl"), 0.5);
            Map<String, Double> b = bits.evaluate(context);
            assertEquals(List.of("b_js_bits", "b_kl_bits"), List.copyOf(b.keySet()));
            assertEquals(1.0, b.get("b_js_bits"), 1e-12);
            context.step = 200;
            nats.evaluate(context);
            ImageChecks.assertPicture(dir.resolve("divergence.png"), 800, 500);
            assertTrue(Files.notExists(dir.resolve("b-divergence.png")));
        }
    }

    @Test
    void densityEstimatorAgreesWithTheHistogramOnOverlappingGaussians(@TempDir Path dir) throws Exception {
        GaussianMixture data = StubContext.gaussian1d(0, 1);
        int n = 20_000;
        float[] real = StubContext.draw(data, n, 3);
        float[] fake = StubContext.draw(StubContext.gaussian1d(1, 1), n, 4);
        double exact = Divergences.jsIntegrated(DivergencesTest.normal(0, 1), DivergencesTest.normal(1, 1), -15, 16, 4000);
        DivergenceMetric histogram = new DivergenceMetric();
        histogram.setSamples(n);
        histogram.setDivergences(List.of("js"));
        histogram.setPlot(false);
        DivergenceMetric density = new DivergenceMetric();
        density.setSamples(n);
        density.setEstimator("density");
        density.setDivergences(List.of("js", "kl"));
        density.setPrefix("kde_");
        density.setPlot(false);
        try (StubContext context = new StubContext(fake, real, 1, x -> 0, data, dir)) {
            assertEquals(exact, histogram.evaluate(context).get("js"), 0.01);
            Map<String, Double> m = density.evaluate(context);
            assertEquals(exact, m.get("kde_js"), 0.01);
            // KL(N(0,1) ‖ N(1,1)) = 0.5; the KDE widens p_g by its bandwidth, which lowers KL a little
            assertEquals(0.5, m.get("kde_kl"), 0.05);
        }
    }

    @Test
    void refusesWhatItCannotEstimate(@TempDir Path dir) throws Exception {
        DivergenceMetric metric = new DivergenceMetric();
        metric.setSamples(10);
        try (StubContext context = new StubContext(new float[30], new float[30], 3, x -> 0, null, dir)) {
            assertThrows(IllegalStateException.class, () -> metric.evaluate(context)); // 3-D histograms
        }
        metric.setEstimator("density");
        try (StubContext context = new StubContext(new float[10], new float[10], 1, x -> 0, null, dir)) {
            assertThrows(IllegalStateException.class, () -> metric.evaluate(context)); // no known density
        }
        assertThrows(IllegalArgumentException.class, () -> metric.setDivergences(List.of("js", "js")));
        assertThrows(IllegalArgumentException.class, () -> metric.setDivergences(List.of("tv")));
        assertThrows(IllegalArgumentException.class, () -> metric.setRange(List.of(1.0, 0.0)));
        assertThrows(IllegalArgumentException.class, () -> metric.setBinRule("auto"));
    }
}
