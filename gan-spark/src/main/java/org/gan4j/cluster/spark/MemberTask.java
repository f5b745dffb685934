package org.gan4j.cluster.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one member, run on an executor: starts the member's worker process
 * ({@code org.gan4j.bench.BenchWorker} from the gan4j distribution, its own JVM, native engine and threads)
 * and waits for it. The process watches this executor's pid and halts when the executor dies, and locks its
 * run directory, so a retry never trains beside an orphan. A failed process fails the task (Spark retries
 * it; with a shared directory the retry resumes from the last checkpoint); a config error (exit 2) does not,
 * since a retry would fail the same way.
 */
final class MemberTask implements Function<MemberSpec, MemberOutcome> {
    private static final long serialVersionUID = 1L;
    static final String WORKER_MAIN = "org.gan4j.bench.BenchWorker";

    @Override
    public MemberOutcome call(MemberSpec spec) throws Exception {
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 1 : context.attemptNumber() + 1;
        SparkEnv env = SparkEnv.get();
        String where = InetAddress.getLocalHost().getHostName()
                + (env == null ? "" : " executor " + env.executorId());
        checkDistribution(spec.classPath(), where);
        boolean shared = spec.sharedRunDir() != null;
        Path tmp = shared ? null : Files.createTempDirectory("gan4j-" + spec.id() + "-");
        try {
            Path runDir = shared ? Path.of(spec.sharedRunDir()) : tmp.resolve("run");
            Path log = shared ? Path.of(spec.sharedLog()) : tmp.resolve("log");
            Files.createDirectories(log.getParent());
            Files.createDirectories(runDir.getParent());
            Files.writeString(log, "== attempt " + attempt + " on " + where + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command(spec, runDir));
            org.gan4j.bench.BenchRunner.workerThreading(pb.environment(), spec.threads());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process p = pb.start();
            int exit;
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                // the task was killed (job cancelled): SIGTERM makes the worker checkpoint and stop
                p.destroy();
                throw e;
            }
            if (exit != 0 && exit != 2) {
                throw new IllegalStateException("member " + spec.id() + " failed on " + where + " (attempt " + attempt
                        + "): exit " + exit + ": " + lastLine(log));
            }
            return new MemberOutcome(spec.id(), exit, where, attempt, shared ? null : RunArchive.pack(runDir, log));
        } finally {
            if (tmp != null) {
                RunArchive.deleteTree(tmp);
            }
        }
    }

    static List<String> command(MemberSpec spec, Path runDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(spec.jvmOptions());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(spec.classPath());
        cmd.add(WORKER_MAIN);
        cmd.add("--out");
        cmd.add(runDir.toString());
        cmd.add("--parent-pid");
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        for (String p : spec.pluginFolders()) {
            cmd.add("--plugins");
            cmd.add(p);
        }
        cmd.add(spec.base());
        for (String o : spec.overrides()) {
            cmd.add("--set");
            cmd.add(o);
        }
        return cmd;
    }

    /** Every entry of the worker class path must exist here: the distribution is unpacked on every worker. */
    static void checkDistribution(String classPath, String where) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
            if (!Files.exists(path)) {
                throw new IllegalStateException("worker " + where + " has no gan4j distribution: " + path
                        + " does not exist there; unpack the gan4j archive at the same path on every worker");
            }
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("gan: ")) {
                    return lines.get(i).substring(5);
                }
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
            return "no output";
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }
}
