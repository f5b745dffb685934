package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spectral norm's power-iteration vectors are checkpoint state: a resumed run ends bit for bit where a whole one does. */
class SpectralNormResumeTest {
    static final String EXPERIMENT = """
            seed: 5
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [16, 16], spectral_norm: both}
            loss: {type: hinge}
            trainer: {steps: 30, batch_size: 32, discriminator_steps: 2, log_every: 15}
            checkpoint: {every: 15, keep_last: 5}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void resumedRunWithSpectralNormEndsBitForBitWhereTheUninterruptedOneDoes() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT);
        Experiments.run(file, dir.resolve("whole"));
        Experiments.run(file, dir.resolve("split"), "trainer.steps=15");
        assertEquals(30, Experiments.resume(file, dir.resolve("split")).summary().step());
        byte[] whole = Files.readAllBytes(dir.resolve("whole/checkpoints/step-00000030.ckpt"));
        byte[] split = Files.readAllBytes(dir.resolve("split/checkpoints/step-00000030.ckpt"));
        String sections = new String(whole, StandardCharsets.ISO_8859_1);
        for (String section : new String[] {"spectral_norm.generator.2", "spectral_norm.discriminator.2"}) {
            assertTrue(sections.contains(section), "the checkpoint holds " + section);
        }
        assertArrayEquals(whole, split, "parameters, u and v, optimizer state all identical");
        CsvTable log = CsvTable.read(dir.resolve("split/metrics.csv"));
        CsvTable wholeLog = CsvTable.read(dir.resolve("whole/metrics.csv"));
        assertEquals(wholeLog.without("sec_per_step"), log.without("sec_per_step"));
    }
}
