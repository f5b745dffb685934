package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resnet architecture trains on the embedded Fashion-MNIST (class-conditional: gan-conditional's ResnetClassConditionalTest). */
class ResnetTrainingTest {
    static final String EXPERIMENT = """
            seed: 3
            data: {type: idx, split: test, labels: true, limit: 256}
            latent: {dim: 16}
            model: {type: resnet, generator_width: 8, discriminator_width: 8, spectral_norm: both, attention_at: 14}
            loss: {type: hinge}
            trainer: {steps: 4, batch_size: 8, log_every: 2}
            checkpoint: {every: 4}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void aFewStepsWithSpectralNormAndAttention() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        ExperimentRunner.Result result = Experiments.run(file, dir.resolve("run"));
        assertEquals(4, result.summary().step());
        CsvTable log = CsvTable.read(dir.resolve("run/metrics.csv"));
        for (String loss : log.column("d_loss")) {
            assertTrue(Double.isFinite(Double.parseDouble(loss)), loss);
        }
    }
}
