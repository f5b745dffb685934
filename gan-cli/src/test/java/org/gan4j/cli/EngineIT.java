package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two engines in real processes (one engine per process): a checkpoint sampled on MXNet and on PyTorch
 * gives the same image within float tolerance, a run trained on one engine resumes on the other, and a
 * native library that fails to load is one line naming the engine and what to check.
 */
class EngineIT {
    private static final Path GAN = Path.of("..", "bin", "gan").toAbsolutePath().normalize();
    /** A DCGAN small enough to train a few steps in seconds: both transposed convolutions are exercised. */
    static final String DCGAN = """
            seed: 3
            data: {type: idx, split: test, labels: false, limit: 256}
            latent: {dim: 16}
            model: {type: dcgan, base_width: 8}
            loss: {type: non-saturating}
            trainer: {steps: 6, batch_size: 16, log_every: 3}
            checkpoint: {every: 3, keep_last: 5}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    private Result gan(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(GAN.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "gan", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(4, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly(); // never left running to slow the rest of the suite
        }
        assertTrue(done, "bin/gan " + String.join(" ", args) + " finished");
        return new Result(p.exitValue(), Files.readString(log));
    }

    private Result gan(String... args) throws Exception {
        return gan(Map.of(), args);
    }

    private record Result(int code, String output) {}

    @Test
    void theSameCheckpointSampledOnEitherEngineGivesTheSameImage() throws Exception {
        Path config = dir.resolve("dcgan.yaml");
        Files.writeString(config, DCGAN);
        Path run = dir.resolve("run");
        Result trained = gan("train", config.toString(), "--out", run.toString());
        assertEquals(0, trained.code(), trained.output());
        Path onMxnet = dir.resolve("mxnet.png");
        Path onPytorch = dir.resolve("pytorch.png");
        Result a = gan("sample", run.toString(), "--n", "16", "--out", onMxnet.toString(), "--engine", "mxnet");
        assertEquals(0, a.code(), a.output());
        Result b = gan("sample", run.toString(), "--n", "16", "--out", onPytorch.toString(), "--engine", "pytorch");
        assertEquals(0, b.code(), b.output());
        BufferedImage x = ImageIO.read(onMxnet.toFile());
        BufferedImage y = ImageIO.read(onPytorch.toFile());
        assertEquals(x.getWidth(), y.getWidth());
        assertEquals(x.getHeight(), y.getHeight());
        int worst = 0;
        long differing = 0;
        for (int i = 0; i < x.getWidth(); i++) {
            for (int j = 0; j < x.getHeight(); j++) {
                int d = Math.abs((x.getRGB(i, j) & 0xFF) - (y.getRGB(i, j) & 0xFF));
                worst = Math.max(worst, d);
                differing += d > 0 ? 1 : 0;
            }
        }
        // 8-bit pixels of the same floats: float rounding moves a pixel by at most one level, and rarely.
        assertTrue(worst <= 1, "largest pixel difference " + worst);
        assertTrue(differing < x.getWidth() * x.getHeight() / 100, differing + " pixels differ");
    }

    @Test
    void aRunTrainedOnOneEngineResumesOnTheOther() throws Exception {
        Path config = dir.resolve("dcgan.yaml");
        Files.writeString(config, DCGAN);
        Path run = dir.resolve("run");
        Result first = gan("train", config.toString(), "--out", run.toString(), "--set", "trainer.steps=3");
        assertEquals(0, first.code(), first.output());
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"engine\" : \"mxnet\""));
        Result resumed = gan("train", config.toString(), "--resume", run.toString(), "--set", "engine=pytorch");
        assertEquals(0, resumed.code(), resumed.output());
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"engine\" : \"pytorch\""));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"steps\" : 6"));
        assertTrue(Files.exists(run.resolve("checkpoints/step-00000006.ckpt")));
    }

    @Test
    void aNativeLibraryThatFailsToLoadIsOneLine() throws Exception {
        Path config = dir.resolve("dcgan.yaml");
        Files.writeString(config, DCGAN);
        Result r = gan(Map.of("DJL_CACHE_DIR", "/dev/null/djl"), "train", config.toString(), "--out",
                dir.resolve("run").toString(), "--set", "engine=pytorch");
        assertEquals(1, r.code(), r.output());
        List<String> lines = r.output().lines().filter(l -> l.startsWith("gan: ")).toList();
        assertEquals(1, lines.size(), r.output());
        assertTrue(lines.get(0).startsWith("gan: engine: the pytorch engine's native library failed to load (")
                && lines.get(0).contains("DJL_CACHE_DIR"), lines.get(0));
        assertTrue(!r.output().contains("\tat "), "no stack trace: " + r.output());
        assertTrue(!Files.exists(dir.resolve("run/run.json")), "no run started");
    }
}
