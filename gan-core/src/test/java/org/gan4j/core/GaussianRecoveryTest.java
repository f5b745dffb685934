package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.gan4j.api.testing.ImageChecks;

/** Both losses, same budget: G's samples match N(4, 1.25) in mean and std within 0.3. */
class GaussianRecoveryTest {

    static final String EXPERIMENT = """
            seed: 11
            data: {type: gaussian, means: [4.0], stds: [1.25]}
            latent: {dim: 4}
            model: {type: mlp, hidden: [32, 32], activation: leaky_relu}
            loss: {type: LOSS}
            trainer:
              steps: 1500
              batch_size: 128
              log_every: 250
              generator_optimizer: {type: adam, lr: 0.002, beta1: 0.5}
              discriminator_optimizer: {type: adam, lr: 0.002, beta1: 0.5}
            eval:
              metrics: [{type: sample-moments, samples: 5000}]
            """;

    @ParameterizedTest
    @ValueSource(strings = {"minimax", "non-saturating", "non-saturating reusing the D-step's G(z)"})
    void recoversMeanAndStd(String variant, @TempDir Path dir) throws Exception {
        String loss = variant.split(" ")[0];
        Path file = Experiments.write(dir, "gauss.yaml", EXPERIMENT.replace("LOSS", loss));
        ExperimentRunner.Result result = Experiments.run(file, dir.resolve("run"),
                "trainer.reuse_fake=" + variant.contains("reusing"));
        Map<String, Double> m = result.summary().finalMetrics();
        assertEquals(4.0, m.get("gen_mean"), 0.3, loss + " mean " + m);
        assertEquals(1.25, m.get("gen_std"), 0.3, loss + " std " + m);
        assertEquals(1500, result.summary().step());
        ImageChecks.assertPicture(result.runDir().resolve("samples.png"), 800, 500); // 1-D: histogram
        assertTrue(Files.readString(result.runDir().resolve("summary.json")).contains("\"gen_mean\""));
        assertEquals(List.of("250", "500", "750", "1000", "1250", "1500"),
                CsvTable.read(result.runDir().resolve("metrics.csv")).column("step"));
    }
}
