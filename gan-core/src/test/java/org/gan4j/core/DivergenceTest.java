package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN is caught within one logging interval; the last good checkpoint survives, or training rolls back to it. */
class DivergenceTest {
    static final String EXPERIMENT = """
            seed: 3
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [16, 16]}
            loss: {type: nan-once, at_step: 33}
            trainer: {steps: 60, batch_size: 32, log_every: 5}
            checkpoint: {every: 20}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void stopsNamingStepAndNetworkAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        RunException e = assertThrows(RunException.class, () -> Experiments.run(file, dir.resolve("run")));
        assertTrue(e.getMessage().contains("training diverged at step 35: the discriminator's loss is NaN"),
                e.getMessage());
        Path good = dir.resolve("run/checkpoints/step-00000020.ckpt");
        assertTrue(e.getMessage().contains(good.toString() + ", is intact"), e.getMessage());
        CheckpointStore.configOf(good); // passes its checksum
        try (var files = Files.list(dir.resolve("run/checkpoints"))) {
            assertEquals(List.of(good), files.toList(), "no checkpoint of the diverged state was written");
        }
    }

    @Test
    void explodingLearningRateIsCaughtAtTheFirstLog() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml",
                EXPERIMENT.replace("type: nan-once, at_step: 33", "type: non-saturating"));
        RunException e = assertThrows(RunException.class, () -> Experiments.run(file, dir.resolve("run"),
                "trainer.discriminator_optimizer={type: sgd, lr: 1.0e6, momentum: 0.9}"));
        assertTrue(e.getMessage().contains("training diverged at step 5"), e.getMessage());
        assertTrue(e.getMessage().contains("no checkpoint was written before it"), e.getMessage());
    }

    @Test
    void rollbackRestoresTheCheckpointLowersTheRatesAndFinishes() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        ExperimentRunner.Result r = Experiments.run(file, dir.resolve("run"), "trainer.on_divergence=rollback");
        assertEquals(60, r.summary().step());
        List<String> rows = Files.readAllLines(dir.resolve("run/metrics.csv"));
        assertEquals(List.of("5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60"),
                CsvTable.read(dir.resolve("run/metrics.csv")).column("step"), "rows of the diverged stretch were replaced");
        assertFalse(rows.stream().anyMatch(l -> l.contains("NaN")), String.join("\n", rows));
    }
}
