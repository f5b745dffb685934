package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: a `bin/gan train` killed with SIGKILL at random moments and resumed each time ends
 * with the same weights as an uninterrupted run; SIGTERM stops it politely with a checkpoint.
 */
class KillResumeIT {
    private static final Path GAN = Path.of("..", "bin", "gan").toAbsolutePath().normalize();
    static final String EXPERIMENT = """
            seed: 7
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [32, 32], generator_batch_norm: true}
            loss: {type: non-saturating}
            trainer: {steps: 1500, batch_size: 64, log_every: 100}
            checkpoint: {every: 50, keep_last: 2}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    private Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(GAN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "2");
        return pb.start();
    }

    private int runToEnd(Path log, String... args) throws Exception {
        Process p = start(log, args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finishes");
        return p.exitValue();
    }

    @Test
    void killedAtRandomMomentsAndResumedEndsWithTheUninterruptedWeights() throws Exception {
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, EXPERIMENT);
        Path whole = dir.resolve("whole");
        assertEquals(0, runToEnd(dir.resolve("whole.log"), "train", config.toString(), "--out", whole.toString()),
                () -> read(dir.resolve("whole.log")));

        Path split = dir.resolve("split");
        Random random = new Random(42);
        int kills = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            boolean hasCheckpoint = Files.isDirectory(split.resolve("checkpoints"))
                    && Files.list(split.resolve("checkpoints")).findAny().isPresent();
            Process p = hasCheckpoint
                    ? start(dir.resolve("split.log"), "train", "--resume", split.toString())
                    : start(dir.resolve("split.log"), "train", config.toString(), "--out", split.toString(), "--overwrite");
            Thread.sleep(1500 + random.nextInt(2500));
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no hook runs, no final checkpoint
                p.waitFor();
                kills++;
            }
        }
        assertTrue(kills >= 2, "the process was killed mid-run at least twice");
        boolean hasCheckpoint = Files.isDirectory(split.resolve("checkpoints"));
        int code = hasCheckpoint
                ? runToEnd(dir.resolve("last.log"), "train", "--resume", split.toString())
                : runToEnd(dir.resolve("last.log"), "train", config.toString(), "--out", split.toString(), "--overwrite");
        assertEquals(0, code, () -> read(dir.resolve("last.log")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/step-00001500.ckpt")),
                Files.readAllBytes(split.resolve("checkpoints/step-00001500.ckpt")),
                "bit-for-bit the same weights, optimizer state and config");
    }

    @Test
    void sigtermFinishesTheStepWritesACheckpointAndSaysHowToResume() throws Exception {
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, EXPERIMENT.replace("steps: 1500", "steps: 100000").replace("every: 50", "every: 0"));
        Path run = dir.resolve("run");
        Path log = dir.resolve("term.log");
        Process p = start(log, "train", config.toString(), "--out", run.toString());
        long deadline = System.currentTimeMillis() + 60_000;
        while (!read(log).contains("step 200/") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = read(log);
        assertEquals(143, p.exitValue(), text);
        assertTrue(text.contains("checkpoint written. Resume with: bin/gan train"), text);
        File[] written = run.resolve("checkpoints").toFile().listFiles();
        assertTrue(written != null && written.length == 1, "one checkpoint, at the interrupted step");
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"steps\""));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (Exception e) {
            return "";
        }
    }
}
