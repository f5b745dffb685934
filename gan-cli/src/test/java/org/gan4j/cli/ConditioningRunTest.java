package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional batch norm in G with a projection or an auxiliary-classifier D train end to end on labelled images;
 * the AC-GAN class terms reach the trainer (their columns in metrics.csv hold finite values) and the
 * projection run adds none.
 */
class ConditioningRunTest {
    @TempDir
    Path dir;

    private List<String> trainAndReadLog(String conditioning) throws IOException {
        Path config = Files.writeString(dir.resolve(conditioning + ".yaml"), """
                seed: 1
                data: {type: idx, split: test, limit: 300}
                task: {type: class-conditional}
                latent: {dim: 8}
                model: {type: mlp, hidden: [16], generator_conditioning: conditional_batchnorm,
                        discriminator_conditioning: %s, auxiliary_d_weight: 0.5}
                loss: {type: non-saturating}
                trainer: {steps: 6, batch_size: 16, log_every: 3}
                eval: {samples: 20}
                output: {plots: false}
                """.formatted(conditioning));
        Path run = dir.resolve("run-" + conditioning);
        int code = GanCli.run(new String[] {"train", config.toString(), "--out", run.toString()});
        assertEquals(0, code, "training with " + conditioning);
        return Files.readAllLines(run.resolve("metrics.csv"));
    }

    @Test
    void auxiliaryClassifierTermsAreAppliedAndLogged() throws IOException {
        List<String> log = trainAndReadLog("auxiliary_classifier");
        List<String> header = Arrays.asList(log.get(0).split(","));
        int d = header.indexOf("reg_aux_class_d");
        int g = header.indexOf("reg_aux_class_g");
        assertTrue(d > 0 && g > 0, "columns " + header);
        String[] last = log.get(log.size() - 1).split(",");
        double dTerm = Double.parseDouble(last[d]);
        double gTerm = Double.parseDouble(last[g]);
        // Cross-entropies over 10 classes start near log 10; D's term is 0.5·(real + fake), G's the fake one.
        assertTrue(Double.isFinite(dTerm) && dTerm > 0 && dTerm < 3 * Math.log(10), "D's term " + dTerm);
        assertTrue(Double.isFinite(gTerm) && gTerm > 0 && gTerm < 3 * Math.log(10), "G's term " + gTerm);
    }

    @Test
    void projectionTrainsWithoutExtraTerms() throws IOException {
        List<String> log = trainAndReadLog("projection");
        assertTrue(!log.get(0).contains("reg_aux"), log.get(0));
        assertTrue(log.size() >= 3, "two logged steps");
    }
}
