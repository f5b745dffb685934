package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.core.ExperimentRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** The examples/theory experiments, shortened, through the real trainer and plugins. */
class TheoryExamplesTest {

    @Test
    void discriminatorTrainedAgainstAFrozenGeneratorApproachesDStar(@TempDir Path dir) throws Exception {
        Path config = Experiments.THEORY.resolve("optimal-d.yaml");
        ExperimentRunner.Result untrained = Experiments.run(config, dir.resolve("untrained"), "trainer.steps=0");
        ExperimentRunner.Result trained = Experiments.run(config, dir.resolve("trained"), "trainer.steps=600");
        Map<String, Double> before = untrained.summary().finalMetrics();
        Map<String, Double> after = trained.summary().finalMetrics();
        assertTrue(before.get("d_star_max_error") > 0.3, "untrained D " + before);
        assertTrue(after.get("d_star_max_error") < 0.15, "trained D " + after);
        assertTrue(after.get("d_star_mean_error") < 0.05, "trained D " + after);
        // V(G, D) ≤ V(G, D*) = 2·JS − 2 log 2, and close to it once D is near D*
        assertTrue(after.get("value_d") <= after.get("value_d_star") + 0.01, after.toString());
        assertEquals(after.get("value_d_star"), after.get("value_d"), 0.05);
        assertTrue(before.get("value_d_star") - before.get("value_d") > 0.05, before.toString());
        // G stayed frozen: the same samples in both runs
        assertEquals(before.get("gen_mean"), after.get("gen_mean"), 1e-9);
        ImageChecks.assertPicture(trained.runDir().resolve("optimal-d.png"), 800, 500);
        ImageChecks.assertPicture(trained.runDir().resolve("optimal-d-step000250.png"), 800, 500);
    }

    @Test
    void minimaxSaturatesWhereNonSaturatingMoves(@TempDir Path dir) throws Exception {
        ExperimentRunner.Result minimax = Experiments.run(Experiments.THEORY.resolve("saturation-minimax.yaml"),
                dir.resolve("minimax"), "trainer.steps=600");
        ExperimentRunner.Result ns = Experiments.run(Experiments.THEORY.resolve("saturation-non-saturating.yaml"),
                dir.resolve("ns"), "trainer.steps=600");
        Map<String, Double> m = minimax.summary().finalMetrics();
        Map<String, Double> n = ns.summary().finalMetrics();
        // after 500 D-only steps D rejects G confidently
        double dFakeAtStart = evalColumn(minimax.runDir(), 500, "d_fake_mean");
        assertTrue(dFakeAtStart < 0.01, "D(G(z)) after the warm-up " + dFakeAtStart);
        assertEquals(dFakeAtStart, evalColumn(ns.runDir(), 500, "d_fake_mean"), 1e-12); // same run until then
        // 100 G-steps later: the minimax G has barely moved, the non-saturating one has reached the data
        assertTrue(m.get("gen_mean") < 1.0, "minimax " + m);
        assertTrue(n.get("gen_mean") > 2.5, "non-saturating " + n);
        assertTrue(m.get("js") > 0.69, "minimax JS " + m);
        assertTrue(n.get("js") < 0.5, "non-saturating JS " + n);
        double gradMinimax = stepColumn(minimax.runDir(), 525, "g_grad_norm");
        double gradNs = stepColumn(ns.runDir(), 525, "g_grad_norm");
        assertTrue(gradNs > 10 * gradMinimax, "‖∇G‖ at step 525: minimax " + gradMinimax + ", NS " + gradNs);
        assertEquals(0.0, stepColumn(minimax.runDir(), 500, "g_grad_norm")); // frozen during the warm-up
        ImageChecks.assertPicture(minimax.runDir().resolve("saturation.png"), 800, 500);
        ImageChecks.assertPicture(ns.runDir().resolve("saturation.png"), 800, 500);
    }

    @Test
    void jsCurveFallsAsTheGeneratorLearns(@TempDir Path dir) throws Exception {
        ExperimentRunner.Result r = Experiments.run(Experiments.THEORY.resolve("js-curve.yaml"), dir.resolve("js"),
                "trainer.steps=800", "eval.every=200");
        double first = evalColumn(r.runDir(), 200, "js");
        double last = r.summary().finalMetrics().get("js");
        assertTrue(last < first - 0.1, "histogram JS " + first + " -> " + last);
        double kdeFirst = evalColumn(r.runDir(), 200, "kde_js");
        double kdeLast = r.summary().finalMetrics().get("kde_js");
        assertTrue(kdeLast < kdeFirst - 0.1, "KDE JS " + kdeFirst + " -> " + kdeLast);
        ImageChecks.assertPicture(r.runDir().resolve("divergence.png"), 800, 500);
        ImageChecks.assertPicture(r.runDir().resolve("kde-divergence.png"), 800, 500);
        assertEquals(List.of("step", "js", "kl", "kde_js"),
                List.of(Files.readAllLines(r.runDir().resolve("eval.csv")).get(0).split(",")));
    }

    @Test
    void mixtureQualityRunsFromYamlWithDataOrExplicitModes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ring.yaml");
        Files.writeString(config, """
                seed: 1
                data: {type: ring, modes: 8, radius: 2.0, std: 0.05}
                latent: {dim: 2}
                model: {type: mlp, hidden: [16]}
                loss: {type: non-saturating}
                trainer: {steps: 0}
                eval:
                  metrics:
                    - {type: mixture-quality, quality_threshold: 3.0, min_count: 1}
                    - type: mixture-quality
                      prefix: wide_
                      per_mode_counts: false
                      quality_threshold: 1000
                      means: [[0.0, 0.0], [100.0, 100.0]]
                      stds: [1.0]
                """);
        ExperimentRunner.Result r = Experiments.run(config, dir.resolve("run"));
        Map<String, Double> m = r.summary().finalMetrics();
        // the ring's 8 modes come from the data; the counts add up to the high-quality samples (2,500 drawn)
        List<Double> counts = m.entrySet().stream().filter(e -> e.getKey().matches("mode_\\d_count"))
                .map(Map.Entry::getValue).toList();
        assertEquals(8, counts.size());
        assertEquals(2500 * m.get("high_quality_fraction"), counts.stream().mapToDouble(Double::doubleValue).sum(),
                1e-9);
        assertEquals(counts.stream().filter(c -> c >= 1).count(), m.get("modes_captured").longValue());
        assertTrue(m.get("high_quality_fraction") < 0.5, "an untrained G is not on the ring: " + m);
        // with a huge threshold every sample is high quality and all are nearest the origin mode
        assertEquals(1.0, m.get("wide_modes_captured"));
        assertEquals(1.0, m.get("wide_high_quality_fraction"));
        assertEquals(Math.log(2), m.get("wide_mode_reverse_kl"), 1e-12);
        ImageChecks.assertPicture(r.runDir().resolve("mixture-modes.png"), 640, 640);
        ImageChecks.assertPicture(r.runDir().resolve("wide-mixture-modes.png"), 640, 640);
    }

    /** A value of eval.csv at a step. */
    static double evalColumn(Path run, long step, String column) throws Exception {
        return column(run.resolve("eval.csv"), step, column);
    }

    /** A value of metrics.csv at a logged step. */
    static double stepColumn(Path run, long step, String column) throws Exception {
        return column(run.resolve("metrics.csv"), step, column);
    }

    private static double column(Path csv, long step, String column) throws Exception {
        double[][] c = SaturationMetric.readColumn(csv, column);
        for (int i = 0; i < c[0].length; i++) {
            if (c[0][i] == step) {
                return c[1][i];
            }
        }
        throw new AssertionError("no row for step " + step + " with " + column + " in " + csv);
    }
}
