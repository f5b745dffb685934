package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer closes the metrics it opened: after tiny runs that between them use every built-in metric
 * (unconditional 1-D, ring and image runs, a conditional RGB run), the engine holds exactly as many
 * native arrays as before. Before metrics had a lifecycle, classifier-fd kept its CNN for the whole JVM.
 */
class MetricResourcesTest {
    private static final String COMMON = """
            trainer: {steps: 2, batch_size: 8, log_every: 1}
            output: {plots: false}
            """;

    @Test
    void nativeArraysReturnToTheirStartAfterRunsWithEveryMetric(@TempDir Path dir) throws Exception {
        GanFramework framework = GanFramework.discover();
        Map<String, String> runs = Map.of(
                "one-d", """
                        seed: 1
                        data: {type: gaussian, means: [1.0], stds: [1.0]}
                        model: {type: mlp, hidden: [8]}
                        loss: {type: minimax}
                        eval:
                          samples: 200
                          metrics:
                            - {type: optimal-discriminator, samples: 500}
                            - {type: divergence}
                            - {type: saturation, plot: false}
                        """,
                "ring", """
                        seed: 1
                        data: {type: ring}
                        model: {type: mlp, hidden: [8]}
                        loss: {type: non-saturating}
                        eval: {samples: 200, metrics: [{type: mixture-quality}]}
                        """,
                "images", """
                        seed: 1
                        data: {type: idx, split: test, limit: 200}
                        model: {type: dcgan, base_width: 4}
                        loss: {type: non-saturating}
                        eval:
                          samples: 16
                          metrics:
                            - type: classifier-fd
                              train_data: {type: idx, split: test, limit: 400}
                              epochs: 1
                              width: 4
                              n_real: 50
                              n_fake: 50
                              cache_dir: CACHE
                        """.replace("CACHE", dir.resolve("classifiers").toString()),
                "conditional", """
                        seed: 1
                        data: {type: photos, crop_size: 16, max_side: 96}
                        task: {type: inpainting, hole_size: 0.5}
                        model: {type: pix2pix, depth: 2, filters: 4, d_layers: 2}
                        loss: {type: non-saturating}
                        eval:
                          samples: 8
                          metrics: [{type: psnr-ssim}, {type: hole-error}, {type: colourfulness}]
                        """);
        NDManager probe = NDManager.newBaseManager();
        NDManager engine = probe.getParentManager(); // every base manager, the runs' and the metrics', hangs off it
        probe.close();
        int before = engine.getManagedArrays().size();
        try (NDManager sanity = NDManager.newBaseManager()) {
            sanity.zeros(new ai.djl.ndarray.types.Shape(1));
            assertEquals(before + 1, engine.getManagedArrays().size(), "the count sees arrays of any base manager");
        }
        for (String name : List.of("one-d", "ring", "images", "conditional")) {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, runs.get(name) + COMMON);
            ExperimentRunner.Result result = framework.runner().run(
                    framework.configLoader().load(file, List.of()), RunOptions.into(dir.resolve(name)));
            assertEquals(2, result.summary().step(), name);
            assertTrue(!result.summary().finalMetrics().isEmpty(), name + " evaluated its metrics");
            assertEquals(before, engine.getManagedArrays().size(), "native arrays left behind by the " + name + " run");
        }
    }
}
