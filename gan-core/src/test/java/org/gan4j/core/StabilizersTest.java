package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.LrScheduleConfig;
import org.gan4j.core.output.UserImageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generator EMA and learning-rate schedules through whole runs: logged, recorded, sampled, resumed bit-exact. */
class StabilizersTest {
    static final String EXPERIMENT = """
            seed: 9
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [16, 16], generator_batch_norm: true}
            loss: {type: non-saturating}
            trainer:
              steps: 40
              batch_size: 32
              log_every: 10
              generator_ema: {decay: 0.9, start: 5}
              generator_lr_schedule: {shape: linear, warmup: 3, decay_end: 40}
              discriminator_lr_schedule: {shape: cosine, decay_start: 10, decay_end: 40}
            checkpoint: {every: 20, keep_last: 5}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void emaAndSchedulesResumeBitForBit() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("whole"));
        Experiments.run(file, dir.resolve("split"), "trainer.steps=20");
        Experiments.resume(file, dir.resolve("split"));
        byte[] whole = Files.readAllBytes(dir.resolve("whole/checkpoints/step-00000040.ckpt"));
        byte[] split = Files.readAllBytes(dir.resolve("split/checkpoints/step-00000040.ckpt"));
        assertArrayEquals(whole, split, "networks, optimizers and G's average all identical");
        CsvTable log = CsvTable.read(dir.resolve("split/metrics.csv"));
        assertEquals(CsvTable.read(dir.resolve("whole/metrics.csv")).without("sec_per_step"),
                log.without("sec_per_step"));
        assertEquals(List.of("10", "20", "30", "40"), log.column("step"));
        // Logged step 10 is generator step index 9: linear decay from step 3 (warm-up's end) to 40.
        assertEquals(2e-4 * (1 - (9 - 3) / 37.0), Double.parseDouble(log.column("lr_g").get(0)), 1e-12);
        assertEquals(2e-4 * 0.5 * (1 + Math.cos(Math.PI * 29 / 30.0)), Double.parseDouble(log.column("lr_d").get(3)),
                1e-12);
    }

    @Test
    void evaluationsScoreTheAverageAndSayWhichGeneratorTheyScored(@TempDir Path out) throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("ema"));
        Experiments.run(file, dir.resolve("raw"), "eval.generator=raw");
        String ema = Files.readString(dir.resolve("ema/evaluation.json"));
        assertTrue(ema.contains("generator_ema") && ema.contains("\"ema\""), ema);
        assertTrue(Files.readString(dir.resolve("raw/evaluation.json")).contains("\"raw\""));
        assertEquals(CsvTable.read(dir.resolve("ema/metrics.csv")).without("sec_per_step"),
                CsvTable.read(dir.resolve("raw/metrics.csv")).without("sec_per_step"),
                "which G is evaluated does not change training");
        Path averaged = out.resolve("ema.png");
        Path trained = out.resolve("raw.png");
        Experiments.FRAMEWORK.sampler().sample(dir.resolve("ema"), 64, 1, UserImageFile.check(averaged, "--out", false),
                null, false, null);
        Experiments.FRAMEWORK.sampler().sample(dir.resolve("ema"), 64, 1, UserImageFile.check(trained, "--out", false),
                null, true, null);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(averaged), Files.readAllBytes(trained)),
                "gan sample draws from the average unless --raw");
    }

    @Test
    void aRunWithoutStabilizersLogsNoRates() throws Exception {
        String plain = EXPERIMENT.replaceAll("(?m)^  (generator_ema|generator_lr_schedule|discriminator_lr_schedule):.*\n", "");
        Path file = Experiments.write(dir, "plain.yaml", plain);
        Experiments.run(file, dir.resolve("run"));
        String header = Files.readAllLines(dir.resolve("run/metrics.csv")).get(0);
        assertFalse(header.contains("lr_g"), header);
        String resolved = Files.readString(dir.resolve("run/config.yaml"));
        assertFalse(resolved.contains("generator_ema") || resolved.contains("schedule")
                || resolved.contains("\n  generator:"), resolved);
    }

    @Test
    void scheduleFactorsFollowTheirFormulas() {
        LrScheduleConfig s = new LrScheduleConfig();
        s.setWarmup(4);
        assertEquals(0.25, s.factor(0, 100), 0);
        assertEquals(1.0, s.factor(50, 100), 0);
        s.setShape(LrScheduleConfig.Shape.LINEAR);
        assertEquals(1.0, s.factor(4, 100), 1e-12);
        assertEquals(0.5, s.factor(52, 100), 1e-12);
        assertEquals(0.0, s.factor(100, 100), 0);
        assertEquals(0.0, s.factor(150, 100), 0, "stays at zero past the end");
        s.setShape(LrScheduleConfig.Shape.COSINE);
        assertEquals(0.5, s.factor(52, 100), 1e-12);
        assertEquals((1 + Math.cos(Math.PI * 0.25)) / 2, s.factor(28, 100), 1e-12);
    }

    @Test
    void badStabilizerSettingsAreOneLineNamingTheKey() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        ConfigException decay = assertThrows(ConfigException.class,
                () -> Experiments.load(file, "trainer.generator_ema.decay=1.0"));
        assertTrue(decay.getMessage().contains("trainer.generator_ema.decay") && decay.getMessage().contains("(0, 1)"),
                decay.getMessage());
        ConfigException ends = assertThrows(ConfigException.class,
                () -> Experiments.load(file, "trainer.discriminator_lr_schedule.decay_end=5"));
        assertTrue(ends.getMessage().contains("trainer.discriminator_lr_schedule")
                && ends.getMessage().contains("decay_end 5 is not after the decay's start 10"), ends.getMessage());
        ConfigException shape = assertThrows(ConfigException.class,
                () -> Experiments.load(file, "trainer.generator_lr_schedule.shape=step"));
        assertTrue(shape.getMessage().contains("expected one of [constant, linear, cosine]"), shape.getMessage());
        ConfigException which = assertThrows(ConfigException.class, () -> Experiments.load(file, "eval.generator=best"));
        assertTrue(which.getMessage().contains("eval.generator") && which.getMessage().contains("expected one of [ema, raw]"),
                which.getMessage());
        assertNotEquals(null, Experiments.load(file).config().getTrainer().getGeneratorEma());
    }

    static final String AUGMENTED = """
            seed: 2
            data: {type: idx, split: test, labels: false, limit: 256}
            latent: {dim: 16}
            model: {type: dcgan, base_width: 8}
            loss: {type: hinge}
            augment: {type: diffaugment}
            trainer: {steps: 4, batch_size: 8, log_every: 2}
            output: {plots: false}
            """;

    @Test
    void diffAugmentIsReproducibleAndChangesWhatDSees() throws Exception {
        Path file = Experiments.write(dir, "aug.yaml", AUGMENTED);
        Experiments.run(file, dir.resolve("a"));
        Experiments.run(file, dir.resolve("b"));
        Experiments.run(file, dir.resolve("color"), "augment.policies=[color]");
        Path plain = Experiments.write(dir, "plain.yaml", AUGMENTED.replace("augment: {type: diffaugment}\n", ""));
        Experiments.run(plain, dir.resolve("plain"));
        CsvTable a = CsvTable.read(dir.resolve("a/metrics.csv"));
        assertEquals(a.without("sec_per_step"), CsvTable.read(dir.resolve("b/metrics.csv")).without("sec_per_step"),
                "same seed, same run");
        assertNotEquals(a.column("d_loss"), CsvTable.read(dir.resolve("color/metrics.csv")).column("d_loss"));
        assertNotEquals(a.column("d_loss"), CsvTable.read(dir.resolve("plain/metrics.csv")).column("d_loss"));
    }
}
