package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.checkpoint.IncompatibleCheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** Checkpoints are complete and atomic; a stopped and resumed run ends exactly where an uninterrupted one does. */
class CheckpointResumeTest {
    static final String EXPERIMENT = """
            seed: 9
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [16, 16], generator_batch_norm: true}
            loss: {type: non-saturating}
            trainer: {steps: 40, batch_size: 32, discriminator_steps: 2, log_every: 10}
            checkpoint: {every: 20, keep_last: 5}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void resumedRunEndsBitForBitWhereTheUninterruptedOneDoes() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("whole"));
        Experiments.run(file, dir.resolve("split"), "trainer.steps=20");
        ExperimentRunner.Result resumed = Experiments.resume(file, dir.resolve("split"));
        assertEquals(40, resumed.summary().step());
        byte[] whole = Files.readAllBytes(dir.resolve("whole/checkpoints/step-00000040.ckpt"));
        byte[] split = Files.readAllBytes(dir.resolve("split/checkpoints/step-00000040.ckpt"));
        assertArrayEquals(whole, split, "parameters, optimizer state, step and config all identical");
        CsvTable log = CsvTable.read(dir.resolve("split/metrics.csv"));
        assertEquals(List.of("10", "20", "30", "40"), log.column("step"));
        CsvTable wholeLog = CsvTable.read(dir.resolve("whole/metrics.csv"));
        assertEquals(wholeLog.without("sec_per_step"), log.without("sec_per_step"));
    }

    @Test
    void moreStepsExtendsFromWhereTheRunStands() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("run"), "trainer.steps=20");
        RunException done = assertThrows(RunException.class,
                () -> Experiments.resume(file, dir.resolve("run"), "trainer.steps=20"));
        assertTrue(done.getMessage().contains("already at step 20") && done.getMessage().contains("more_steps"),
                done.getMessage());
        assertEquals(30, Experiments.resume(file, dir.resolve("run"), "trainer.more_steps=10").summary().step());
    }

    @Test
    void corruptNewestCheckpointFallsBackToThePreviousOne() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("run"));
        Path newest = dir.resolve("run/checkpoints/step-00000040.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(newest, bytes);
        ExperimentRunner.Result r = Experiments.resume(file, dir.resolve("run"), "trainer.steps=50");
        assertEquals(50, r.summary().step());
        List<String> steps = CsvTable.read(dir.resolve("run/metrics.csv")).column("step");
        assertEquals(List.of("10", "20", "30", "40", "50"), steps, "rows after step 20 were redone once");
    }

    @Test
    void truncatedCheckpointIsNotUsed() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT.replace("every: 20", "every: 40"));
        Experiments.run(file, dir.resolve("run"));
        Path only = dir.resolve("run/checkpoints/step-00000040.ckpt");
        Files.write(only, java.util.Arrays.copyOf(Files.readAllBytes(only), 100));
        RunException e = assertThrows(RunException.class, () -> Experiments.resume(file, dir.resolve("run"), "trainer.steps=60"));
        assertTrue(e.getMessage().contains("no valid checkpoint") && e.getMessage().contains("all 1 failed their checks"),
                e.getMessage());
    }

    @Test
    void checkpointOfAnotherArchitectureIsRejectedByName() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("run"), "trainer.steps=20");
        IncompatibleCheckpointException e = assertThrows(IncompatibleCheckpointException.class,
                () -> Experiments.resume(file, dir.resolve("run"), "model.hidden=[16, 8]"));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void aFailedStartOrResumeLeavesNoFalseRunBehind() throws Exception {
        Path bad = Experiments.write(dir, "bad.yaml", EXPERIMENT.replace("batch_size: 32", "batch_size: 32")
                .replace("data: {type: ring, radius: 2.0, std: 0.05}", "data: {type: idx, path: nowhere}"));
        assertThrows(RunException.class, () -> Experiments.run(bad, dir.resolve("run")));
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        assertEquals(40, Experiments.run(file, dir.resolve("run")).summary().step(), "the retry is not refused");
        String config = Files.readString(dir.resolve("run/config.yaml"));
        assertThrows(IncompatibleCheckpointException.class,
                () -> Experiments.resume(file, dir.resolve("run"), "model.hidden=[16, 8]", "trainer.steps=60"));
        assertEquals(config, Files.readString(dir.resolve("run/config.yaml")), "a failed resume keeps the run's config");
    }

    @Test
    void resumingSomethingThatIsNotARunSaysSo() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Files.createDirectories(dir.resolve("empty"));
        RunException e = assertThrows(RunException.class, () -> Experiments.resume(file, dir.resolve("empty")));
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
        RunException missing = assertThrows(RunException.class, () -> Experiments.resume(file, dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
    }

    @Test
    void keepsTheLastNAndTheBest() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT + """
                eval: {every: 10, metrics: [{type: sample-moments, samples: 200}]}
                """);
        Experiments.run(file, dir.resolve("run"), "checkpoint.every=10", "checkpoint.keep_last=2",
                "checkpoint.best_metric=gen_std", "checkpoint.best_mode=max");
        List<String> names;
        try (var files = Files.list(dir.resolve("run/checkpoints"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("best.ckpt", "step-00000030.ckpt", "step-00000040.ckpt"), names);
        assertFalse(names.stream().anyMatch(n -> n.endsWith(".tmp")));
        // gan sample draws from the saved generator.
        Path png = dir.resolve("grid.png");
        Experiments.FRAMEWORK.sampler().sample(dir.resolve("run"), 100, 1, png, null);
        ImageChecks.assertPicture(png, 640, 640); // 2-D: real vs generated scatter
    }
}
