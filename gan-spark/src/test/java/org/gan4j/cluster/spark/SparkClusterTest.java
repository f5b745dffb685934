package org.gan4j.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.gan4j.bench.Bench;
import org.gan4j.bench.BenchRunner;
import org.gan4j.bench.ClusterExecutorProvider;
import org.gan4j.bench.LocalProcessExecutor;
import org.gan4j.bench.MemberResult;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (Spark's own Master and two Workers, each in its own JVM, with
 * a Spark home built from the Maven-resolved jars): a four-member suite run through it equals the same suite
 * run as local processes; then, with a shared directory, one worker is killed with SIGKILL while a member
 * trains on it: the bench completes every member, the killed member resumed from its checkpoint on the other
 * worker with final weights bit-identical to the uninterrupted run, and the report is complete.
 */
class SparkClusterTest {
    static final String BASE = """
            seed: 1
            data: {type: ring, modes: 8, radius: 1.0, std: 0.05}
            latent: {dim: 2}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 600, batch_size: 32, log_every: 100}
            checkpoint: {every: 100}
            eval:
              every: 300
              samples: 200
              metrics: [{type: mixture-quality, samples: 500, plot: false, per_mode_counts: false}]
            """;
    static final String SUITE = """
            name: spark
            base: base.yaml
            matrix:
              loss.type: [non-saturating, minimax]
              seed: [1, 2]
            metrics:
              modes_captured: max
              d_loss: min
            """;
    static final ObjectMapper JSON = new ObjectMapper();
    static final long WAIT_MILLIS = 240_000;

    @TempDir
    Path dir;

    private final List<Process> cluster = new ArrayList<>();

    @AfterEach
    void stopCluster() {
        for (Process p : cluster) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aStandaloneClusterRunsTheSuiteLikeLocalWorkersAndSurvivesAKilledWorker() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, SUITE);
        Bench bench = new Bench(GanFramework.discover());
        List<String> jvm = List.of("-Xmx256m");

        Path local = dir.resolve("local");
        ByteArrayOutputStream localLog = new ByteArrayOutputStream();
        Bench.Outcome localOutcome = bench.run(suite, List.of(), local,
                new LocalProcessExecutor(2, 1, BenchRunner.javaWorker(jvm, List.of())), "gan bench suite.yaml",
                new PrintStream(localLog, true, StandardCharsets.UTF_8));
        assertEquals(0, localOutcome.failed(), localLog.toString());

        String master = startCluster();
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        String classPath = System.getProperty("java.class.path");

        // 1. No shared directory: run directories come back zipped; the numbers equal the local run's.
        Path sent = dir.resolve("sent");
        ByteArrayOutputStream sentLog = new ByteArrayOutputStream();
        ClusterExecutorProvider.Options options = new ClusterExecutorProvider.Options(master, null, 1, jvm, List.of(),
                classPath);
        Bench.Outcome sentOutcome = bench.run(suite, List.of(), sent, new SparkExecutorProvider().create(options),
                "gan bench suite.yaml --master " + master, new PrintStream(sentLog, true, StandardCharsets.UTF_8));
        assertEquals(0, sentOutcome.failed(), sentLog.toString());
        for (MemberResult r : localOutcome.results()) {
            assertSameRun(local.resolve("runs").resolve(r.member().id()), sent.resolve("runs").resolve(r.member().id()));
        }
        assertSameResults(local, sent);
        String executions = Files.readString(sent.resolve(BenchRunner.EXECUTIONS));
        assertTrue(executions.contains("Spark spark://127.0.0.1"), executions);
        assertTrue(executions.contains("executor"), executions);

        // 2. Shared directory; a worker killed with SIGKILL while a member trains on it.
        Path shared = dir.resolve("shared");
        Path killedBench = dir.resolve("killed");
        ByteArrayOutputStream killedLog = new ByteArrayOutputStream();
        ClusterExecutorProvider.Options sharedOptions = new ClusterExecutorProvider.Options(master, shared, 1, jvm,
                List.of(), classPath);
        Thread killer = new Thread(() -> killAWorkerMidMember(shared), "kill-a-worker");
        killer.start();
        Bench.Outcome killedOutcome = bench.run(suite, List.of(), killedBench,
                new SparkExecutorProvider().create(sharedOptions), "gan bench suite.yaml --master " + master
                        + " --shared-dir " + shared, new PrintStream(killedLog, true, StandardCharsets.UTF_8));
        killer.join(WAIT_MILLIS);
        assertNotNull(killedMember, "a worker was killed while a member trained on it");
        assertEquals(0, killedOutcome.failed(), killedLog.toString());
        assertSameResults(local, killedBench);
        for (MemberResult r : localOutcome.results()) {
            assertSameRun(local.resolve("runs").resolve(r.member().id()),
                    killedBench.resolve("runs").resolve(r.member().id()));
        }
        String memberLog = Files.readString(killedBench.resolve("logs").resolve(killedMember + ".log"));
        assertTrue(memberLog.contains("== attempt 2"), memberLog);
        assertTrue(Files.readString(killedBench.resolve(BenchRunner.EXECUTIONS)).contains(killedMember),
                "executions.csv names the killed member");
        // resumed, not restarted: the retry found the checkpoint the killed attempt wrote
        assertTrue(memberLog.toLowerCase().contains("resum"), memberLog);
        assertArrayEquals(weights(local.resolve("runs").resolve(killedMember)),
                weights(killedBench.resolve("runs").resolve(killedMember)),
                "the resumed member's final weights equal the uninterrupted run's");
        // the bench logs (per member: seconds from submission, where, attempts) are the overhead measurement
        System.out.println("local bench:\n" + localLog + "cluster, sent back:\n" + sentLog + "cluster, shared, killed:\n"
                + killedLog);
        String report = Files.readString(killedBench.resolve("report.md"));
        assertTrue(report.contains("## Executor\n\nSpark " + master), report);
        assertTrue(report.contains("| " + killedMember + " | "), report);
        assertTrue(Files.readString(killedBench.resolve(BenchRunner.EXECUTIONS)).lines()
                .anyMatch(l -> l.startsWith(killedMember + ",") && l.contains(",2,0,")), "two attempts, exit 0");
        assertTrue(Files.exists(killedBench.resolve("report.html")));
    }

    private volatile String killedMember;

    /** Waits for a member's first checkpoint in the shared directory, then SIGKILLs the worker running it. */
    private void killAWorkerMidMember(Path shared) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> runs = Files.isDirectory(shared.resolve("runs")) ? Files.list(shared.resolve("runs"))
                    : Stream.empty()) {
                for (Path run : runs.filter(Files::isDirectory).toList()) {
                    if (!hasCheckpoint(run) || Files.exists(run.resolve("summary.json"))) {
                        continue;
                    }
                    Optional<Process> worker = workerRunning(run);
                    if (worker.isPresent()) {
                        killedMember = run.getFileName().toString();
                        worker.get().destroyForcibly(); // SIGKILL
                        return;
                    }
                }
                Thread.sleep(100);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private static boolean hasCheckpoint(Path run) throws IOException {
        Path ck = run.resolve("checkpoints");
        if (!Files.isDirectory(ck)) {
            return false;
        }
        try (Stream<Path> files = Files.list(ck)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("step-\\d+\\.ckpt"));
        }
    }

    /** The Spark worker whose executor started the member process training in {@code run}. */
    private Optional<Process> workerRunning(Path run) {
        String out = run.toAbsolutePath().toString();
        for (Process worker : cluster.subList(1, cluster.size())) {
            boolean runsIt = worker.descendants().anyMatch(h -> arguments(h).contains(out));
            if (runsIt) {
                return Optional.of(worker);
            }
        }
        return Optional.empty();
    }

    /** A process's arguments from /proc (ProcessHandle.Info drops a command line as long as a class path). */
    private static List<String> arguments(ProcessHandle h) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Master and two one-core workers on 127.0.0.1; returns the master URL once both workers registered. */
    private String startCluster() throws Exception {
        Path home = sparkHome();
        int port = freePort();
        Path masterLog = dir.resolve("master.log");
        cluster.add(startJvm(home, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        String url = "spark://127.0.0.1:" + port;
        for (int w = 1; w <= 2; w++) {
            Path workDir = Files.createDirectories(dir.resolve("worker" + w));
            cluster.add(startJvm(home, dir.resolve("worker" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port",
                    Integer.toString(freePort()), "--work-dir", workDir.toString(), url));
        }
        waitFor("two workers registered with the master (" + masterLog + ")",
                () -> count(masterLog, "Registering worker") >= 2);
        return url;
    }

    /** A Spark home whose jars/ holds the test class path's jars: what a worker builds executors from. */
    private Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark 3.5 (jars from the Maven class path of this test)\n");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        return home;
    }

    private Process startJvm(Path sparkHome, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(Arrays.asList(System.getProperty("spark.java.options", "").trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + File.separator + "*");
        cmd.add(main);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_EXECUTOR_MEMORY", "512m");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static long count(Path log, String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Same numbers: summary.json's metrics and last step, metrics.csv without its timing column. */
    static void assertSameRun(Path expected, Path actual) throws IOException {
        JsonNode a = JSON.readTree(expected.resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(actual.resolve("summary.json").toFile());
        assertEquals(a.path("metrics"), b.path("metrics"), actual.toString());
        assertEquals(a.path("last_step").path("d_loss"), b.path("last_step").path("d_loss"), actual.toString());
        assertEquals(withoutTiming(expected.resolve("metrics.csv")), withoutTiming(actual.resolve("metrics.csv")),
                actual.toString());
    }

    private static List<String> withoutTiming(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int col = Arrays.asList(lines.get(0).split(",")).indexOf("sec_per_step");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            if (col >= 0 && col < cells.size()) {
                cells.remove(col);
            }
            out.add(String.join(",", cells));
        }
        return out;
    }

    /** results.csv equal but for wall time: same members, statuses, steps and metric values. */
    static void assertSameResults(Path expected, Path actual) throws IOException {
        assertEquals(resultsWithoutTime(expected), resultsWithoutTime(actual));
    }

    private static Map<String, List<String>> resultsWithoutTime(Path bench) throws IOException {
        List<String> lines = Files.readAllLines(bench.resolve("results.csv"), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.length && i < header.size(); i++) {
                if (!header.get(i).contains("second") && !header.get(i).contains("sec_per_step")) {
                    kept.add(header.get(i) + "=" + cells[i]);
                }
            }
            rows.put(cells[0], kept);
        }
        return rows;
    }

    /** The generator's and discriminator's sections of the run's last checkpoint, concatenated. */
    static byte[] weights(Path run) throws IOException {
        Path last;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            last = files.filter(f -> f.getFileName().toString().matches("step-\\d+\\.ckpt")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(last))) {
            in.readNBytes(8); // GAN4J-CK
            in.readInt();
            int sections = in.readInt();
            for (int s = 0; s < sections; s++) {
                String name = in.readUTF();
                byte[] content = in.readNBytes((int) in.readLong());
                if (name.startsWith("networks.")) {
                    out.write(content);
                }
            }
        }
        assertTrue(out.size() > 0, "weights in " + run);
        return out.toByteArray();
    }
}
