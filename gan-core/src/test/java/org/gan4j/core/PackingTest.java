package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.testplugin.PackRecordingArchitecture;
import org.gan4j.core.train.SamplePacking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PacGAN's packing (trainer.packing): the layout of a pack, what D is shown, and bit-exact resume. */
class PackingTest {
    @TempDir
    Path dir;

    @Test
    void aPackJoinsConsecutiveSamplesAlongTheFeatureAxis() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray samples = manager.arange(12f).reshape(6, 2); // sample i = (2i, 2i+1)
            NDArray packs = SamplePacking.pack(samples, 3);
            assertEquals(new Shape(2, 6), packs.getShape());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, packs.get(0).toFloatArray(), "samples 0, 1, 2");
            assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, packs.get(1).toFloatArray(), "samples 3, 4, 5");
            assertTrue(SamplePacking.pack(samples, 1) == samples, "m = 1 leaves the batch as it is");
            assertThrows(IllegalArgumentException.class, () -> SamplePacking.pack(samples, 4));
        }
    }

    @Test
    void aPackOfImagesStacksTheirChannels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.arange(4f * 3 * 2 * 2).reshape(4, 3, 2, 2); // (n, C, H, W)
            NDArray packs = SamplePacking.pack(images, 2);
            assertEquals(new Shape(2, 6, 2, 2), packs.getShape());
            // pack 1's channels 3..5 are image 3's channels 0..2
            assertArrayEquals(images.get(3).toFloatArray(), packs.get("1, 3:6").toFloatArray());
            assertArrayEquals(images.get(2).toFloatArray(), packs.get("1, 0:3").toFloatArray());
        }
    }

    @Test
    void theDiscriminatorIsBuiltForThePackedInputShape() {
        ModelSpec spec = ModelSpec.of(new Shape(2), 4).withPacking(3);
        assertEquals(new Shape(6), spec.discriminatorInputShape());
        assertEquals(new Shape(2), spec.sampleShape(), "G still draws single samples");
        assertEquals(new Shape(6, 28, 28), ModelSpec.of(new Shape(3, 28, 28), 4).withPacking(2)
                .discriminatorInputShape());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(new Shape(2), 4, 10, null).withPacking(2), "conditional specs are not packed");
    }

    /** Reals are near 100, G's outputs near 0: a pack mixing the two would hold values on both sides of 50. */
    @Test
    void theTrainedDiscriminatorJudgesPacksOfRealsAndPacksOfFakesNeverMixed() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", """
                seed: 3
                data: {type: gaussian, means: [100.0], stds: [1.0]}
                latent: {dim: 2}
                model: {type: pack-recording}
                loss: {type: non-saturating}
                trainer: {steps: 3, batch_size: 8, packing: 3, log_every: 1}
                output: {plots: false}
                """);
        for (String batch : List.of("packs", "samples")) {
            PackRecordingArchitecture.SEEN.clear();
            int m = 3;
            int batchSize = batch.equals("packs") ? 8 : 9;
            Experiments.run(file, dir.resolve(batch), "trainer.packing_batch=" + batch,
                    "trainer.batch_size=" + batchSize);
            int packsPerCall = batch.equals("packs") ? batchSize : batchSize / m;
            int real = 0;
            int fake = 0;
            for (PackRecordingArchitecture.Seen seen : PackRecordingArchitecture.SEEN) {
                if (seen.shape().get(0) == 1) {
                    continue; // the shape probe while D is initialised
                }
                assertEquals(new Shape(packsPerCall, m), seen.shape(), batch);
                for (int p = 0; p < packsPerCall; p++) {
                    int above = 0;
                    for (int j = 0; j < m; j++) {
                        above += seen.values()[p * m + j] > 50 ? 1 : 0;
                    }
                    assertTrue(above == 0 || above == m, "pack " + p + " mixes reals and fakes: " + seen);
                    real += above == m ? 1 : 0;
                    fake += above == 0 ? 1 : 0;
                }
            }
            // each of 3 steps: a D-step on reals and on fakes, a G-step on fakes
            assertEquals(3 * packsPerCall, real, batch);
            assertEquals(2 * 3 * packsPerCall, fake, batch);
        }
    }

    @Test
    void aPackedRunOnTheRingResumesBitForBit() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", """
                seed: 5
                data: {type: ring, radius: 2.0, std: 0.05}
                model: {type: mlp, hidden: [16, 16]}
                loss: {type: non-saturating}
                trainer: {steps: 20, batch_size: 16, packing: 2, log_every: 5}
                checkpoint: {every: 10, keep_last: 5}
                output: {plots: false}
                """);
        Experiments.run(file, dir.resolve("whole"));
        Experiments.run(file, dir.resolve("split"), "trainer.steps=10");
        assertEquals(20, Experiments.resume(file, dir.resolve("split")).summary().step());
        byte[] whole = Files.readAllBytes(dir.resolve("whole/checkpoints/step-00000020.ckpt"));
        byte[] split = Files.readAllBytes(dir.resolve("split/checkpoints/step-00000020.ckpt"));
        assertArrayEquals(whole, split, "parameters and optimizer state identical");
        CsvTable wholeLog = CsvTable.read(dir.resolve("whole/metrics.csv"));
        assertEquals(wholeLog.without("sec_per_step"),
                CsvTable.read(dir.resolve("split/metrics.csv")).without("sec_per_step"));
        // and packing changes the run: an unpacked run with the same seed logs other losses
        Experiments.run(file, dir.resolve("unpacked"), "trainer.packing=1");
        assertTrue(!wholeLog.without("sec_per_step").equals(
                CsvTable.read(dir.resolve("unpacked/metrics.csv")).without("sec_per_step")));
    }

    /** A metric that reads D per sample without saying so is stopped when it asks, with a line naming packing. */
    @Test
    void anUndeclaredPerSampleMetricIsRefusedWhenItAsksAPackedD() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", """
                seed: 1
                data: {type: ring}
                model: {type: mlp, hidden: [8]}
                loss: {type: non-saturating}
                trainer: {steps: 2, batch_size: 8, packing: 2, log_every: 1}
                eval: {metrics: [{type: mean-logit}]}
                output: {plots: false}
                """);
        Throwable thrown = assertThrows(RuntimeException.class, () -> Experiments.run(file, dir.resolve("run")));
        String messages = "";
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages += t.getMessage() + " | ";
        }
        assertTrue(messages.contains("reads D's logits of single samples, but D judges packs of 2 (trainer.packing)"),
                messages);
        // unpacked, the same metric runs
        assertTrue(Experiments.run(file, dir.resolve("unpacked"), "trainer.packing=1").summary().finalMetrics()
                .containsKey("mean_logit"));
    }
}
