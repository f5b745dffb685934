package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: a `bin/gan train` killed with SIGKILL mid-run and resumed each time ends with the same
 * weights as an uninterrupted run; SIGTERM stops it politely with a checkpoint. Every kill is triggered by
 * observed progress (a checkpoint file of at least a given step), never by a sleep, so neither a fast
 * machine (the run ends before the kill) nor a slow one (no checkpoint yet) changes what is tested.
 */
class KillResumeIT {
    private static final Path GAN = Path.of("..", "bin", "gan").toAbsolutePath().normalize();
    /** Generous: the whole 1,500-step run takes seconds; this only guards against a hang. */
    private static final long WAIT_MS = TimeUnit.MINUTES.toMillis(3);
    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d{8})\\.ckpt");
    private static final int STEPS = 1500;
    /** Each process is killed once a checkpoint of at least this step exists (checkpoints every 50). */
    private static final int[] KILL_AT = {300, 700, 1100};
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

    /** Every process a test started: one left running by a failed wait is killed, never left to burn the CPU. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsStillRunning() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(GAN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "2");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private int runToEnd(Path log, String... args) throws Exception {
        Process p = start(log, args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), () -> "bin/gan " + String.join(" ", args)
                + " did not finish within 5 minutes; its log:\n" + read(log));
        return p.exitValue();
    }

    @Test
    void killedMidRunAndResumedEndsWithTheUninterruptedWeights() throws Exception {
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, EXPERIMENT);
        Path whole = dir.resolve("whole");
        assertEquals(0, runToEnd(dir.resolve("whole.log"), "train", config.toString(), "--out", whole.toString()),
                () -> read(dir.resolve("whole.log")));

        Path split = dir.resolve("split");
        Path checkpoints = split.resolve("checkpoints");
        long previous = -1;
        for (int i = 0; i < KILL_AT.length; i++) {
            Path log = dir.resolve("split-" + i + ".log");
            Process p = i == 0
                    ? start(log, "train", config.toString(), "--out", split.toString())
                    : start(log, "train", "--resume", split.toString());
            long reached = awaitCheckpoint(checkpoints, KILL_AT[i], p, log);
            p.destroyForcibly(); // SIGKILL: no hook runs, no final checkpoint
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process is gone within 60 s");
            assertEquals(137, p.exitValue(), () -> "the process was killed mid-run (exit 137 = SIGKILL), not finished;"
                    + " its log:\n" + read(log));
            assertTrue(reached > previous, "each resumed process made progress: " + previous + " -> " + reached);
            previous = reached;
        }
        Path last = dir.resolve("last.log");
        assertEquals(0, runToEnd(last, "train", "--resume", split.toString()), () -> read(last));
        assertTrue(read(last).contains("resuming from"), () -> "the last process resumed; its log:\n" + read(last));
        String name = String.format("checkpoints/step-%08d.ckpt", STEPS);
        assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(split.resolve(name)),
                "bit-for-bit the same weights, optimizer state and config");
    }

    /**
     * Waits until {@code dir} holds a checkpoint of at least {@code step} and returns its step; fails, with
     * the process's log, when the process ends first or nothing appears within {@link #WAIT_MS}.
     */
    private static long awaitCheckpoint(Path dir, long step, Process p, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            OptionalLong newest = newestCheckpoint(dir);
            if (newest.isPresent() && newest.getAsLong() >= step) {
                return newest.getAsLong();
            }
            if (!p.isAlive()) {
                fail("bin/gan ended (exit " + p.exitValue() + ") before writing a checkpoint of step " + step
                        + "; its log:\n" + read(log));
            }
            Thread.sleep(10);
        }
        return fail("no checkpoint of step " + step + " or later in " + dir + " within " + WAIT_MS / 1000
                + " s; its log:\n" + read(log));
    }

    private static OptionalLong newestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> CHECKPOINT.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).max();
        } catch (java.nio.file.NoSuchFileException e) { // pruned while listed
            return OptionalLong.empty();
        }
    }

    @Test
    void sigtermFinishesTheStepWritesACheckpointAndSaysHowToResume() throws Exception {
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, EXPERIMENT.replace("steps: 1500", "steps: 100000").replace("every: 50", "every: 0"));
        Path run = dir.resolve("run");
        Path log = dir.resolve("term.log");
        Process p = start(log, "train", config.toString(), "--out", run.toString());
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!read(log).contains("step 200/") && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive() && read(log).contains("step 200/"),
                () -> "the run was expected to be alive and past step 200 before SIGTERM; its log:\n" + read(log));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "SIGTERM ends the run within 60 s");
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
