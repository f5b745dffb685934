package org.gan4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a suite's unfinished members through a {@link MemberExecutor} (by default {@link LocalProcessExecutor}:
 * worker processes on this machine). Members whose run directory already holds a finished run are skipped;
 * a member whose worker fails is recorded and the others go on. Which executor ran each member, where and in
 * how many attempts goes to {@code executions.csv} in the bench directory.
 */
public final class BenchRunner {
    /** Main class of the worker processes. */
    public static final String WORKER_MAIN = BenchWorker.class.getName();
    /** Per member: executor, where its last attempt ran, attempts, seconds. */
    public static final String EXECUTIONS = "executions.csv";

    /** Builds the command line of one member's worker. */
    @FunctionalInterface
    public interface WorkerCommand {
        List<String> command(Member member, Path runDir);
    }

    private final Path outDir;
    private final MemberExecutor executor;
    private final PrintStream log;
    private final Map<String, MemberExecutor.Execution> executions = new ConcurrentHashMap<>();

    public BenchRunner(Path outDir, int parallel, int threads, WorkerCommand workerCommand, PrintStream log) {
        this(outDir, new LocalProcessExecutor(parallel, threads, workerCommand), log);
    }

    public BenchRunner(Path outDir, MemberExecutor executor, PrintStream log) {
        this.outDir = outDir;
        this.executor = executor;
        this.log = log;
    }

    /** OpenMP threads per worker so that {@code parallel} workers share {@code cores} without oversubscribing. */
    public static int threadsPerWorker(int cores, int parallel) {
        return Math.max(1, cores / Math.max(1, parallel));
    }

    /**
     * The threading environment of a worker: {@code OMP_NUM_THREADS = threads}, and OpenMP threads that sleep
     * rather than spin when idle ({@code OMP_WAIT_POLICY=PASSIVE}, unless the caller's environment sets it):
     * spinning workers on shared cores slow each other down about tenfold. MXNet's and libtorch's builds load
     * GNU libgomp, which reads OMP_WAIT_POLICY (as Intel's runtime does).
     */
    public static void workerThreading(java.util.Map<String, String> environment, int threads) {
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        environment.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    }

    /** Where a member's run lives. */
    public Path runDir(Member member) {
        return outDir.resolve("runs").resolve(member.id());
    }

    /** Where a member's worker writes its output. */
    public Path logFile(Member member) {
        return outDir.resolve("logs").resolve(member.id() + ".log");
    }

    /**
     * A worker command of this JVM's java, class path and the given JVM options, running {@link BenchWorker}.
     */
    public static WorkerCommand javaWorker(List<String> jvmOptions, List<Path> pluginFolders) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        return (member, runDir) -> {
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.addAll(jvmOptions);
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-Djava.awt.headless=true");
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(WORKER_MAIN);
            cmd.add("--out");
            cmd.add(runDir.toString());
            cmd.add("--parent-pid");
            cmd.add(Long.toString(ProcessHandle.current().pid()));
            for (Path p : pluginFolders) {
                cmd.add("--plugins");
                cmd.add(p.toString());
            }
            cmd.add(member.base().toString());
            for (String o : member.overrides()) {
                cmd.add("--set");
                cmd.add(o);
            }
            return cmd;
        };
    }

    /** Runs every unfinished member; returns one result per member, in the members' order. */
    public List<MemberResult> run(List<Member> members, List<Suite.MetricSpec> metrics) {
        List<MemberResult> results = new ArrayList<>(Collections.nCopies(members.size(), null));
        List<MemberExecutor.Task> todo = new ArrayList<>();
        Map<MemberExecutor.Task, Integer> index = new ConcurrentHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (MemberResult.isComplete(runDir(m), m.targetSteps())) {
                results.set(i, MemberResult.read(m, runDir(m), metrics, MemberResult.Status.SKIPPED, Double.NaN, null));
            } else {
                MemberExecutor.Task task = new MemberExecutor.Task(m, runDir(m), logFile(m));
                todo.add(task);
                index.put(task, i);
            }
        }
        int skipped = members.size() - todo.size();
        log.printf("bench: %d members, %d already complete, %d to run on %s%n",
                members.size(), skipped, todo.size(), executor.description());
        if (todo.isEmpty()) {
            return results;
        }
        AtomicInteger finished = new AtomicInteger();
        try {
            executor.execute(todo, (task, execution) -> {
                MemberResult r = result(task, execution, metrics);
                results.set(index.get(task), r);
                executions.put(task.member().id(), execution);
                int n = finished.incrementAndGet();
                log.printf("bench: [%d/%d] %-7s %s (%.1f s, %s%s)%s%n", n, todo.size(), r.status().word(),
                        r.member().id(), r.processSeconds(), execution.where(),
                        execution.attempts() == 1 ? "" : ", " + execution.attempts() + " attempts",
                        r.error().isEmpty() ? "" : ": " + r.error());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                Member m = members.get(i);
                results.set(i, MemberResult.read(m, runDir(m), metrics, MemberResult.Status.MISSING, Double.NaN, null));
            }
        }
        writeExecutions(members, executions);
        return results;
    }

    /** How each member run by the last {@link #run} ended, by member id. */
    public Map<String, MemberExecutor.Execution> executions() {
        return Map.copyOf(executions);
    }

    /** The executor's description. */
    public String executorDescription() {
        return executor.description();
    }

    private MemberResult result(MemberExecutor.Task task, MemberExecutor.Execution execution,
            List<Suite.MetricSpec> metrics) {
        Member member = task.member();
        int exit = execution.exitCode();
        String error = execution.error();
        MemberResult.Status status;
        if (exit == 0 && MemberResult.isComplete(task.runDir(), member.targetSteps())) {
            status = MemberResult.Status.COMPLETE;
        } else if (exit == 130 || exit == 143) {
            status = MemberResult.Status.MISSING;
            error = "interrupted (a checkpoint was written; rerun to resume)";
        } else {
            status = MemberResult.Status.FAILED;
            if (error == null) {
                error = "exit " + exit + ": " + lastMessage(task.logFile()) + " (log: " + task.logFile() + ")";
            }
        }
        return MemberResult.read(member, task.runDir(), metrics, status, execution.seconds(), error);
    }

    /**
     * Appends this invocation's executions to {@code executions.csv} (members run by an earlier invocation
     * keep their rows; a rerun member gets a new row).
     */
    private void writeExecutions(List<Member> members, Map<String, MemberExecutor.Execution> executions) {
        if (executions.isEmpty()) {
            return;
        }
        Path file = outDir.resolve(EXECUTIONS);
        StringBuilder csv = new StringBuilder();
        try {
            if (Files.exists(file)) {
                csv.append(Files.readString(file, StandardCharsets.UTF_8));
            } else {
                csv.append("member,executor,where,attempts,exit,seconds\n");
            }
            for (Member m : members) {
                MemberExecutor.Execution e = executions.get(m.id());
                if (e != null) {
                    csv.append(String.join(",", m.id(), quote(executor.description()), quote(e.where()),
                            Integer.toString(e.attempts()), Integer.toString(e.exitCode()),
                            String.format(java.util.Locale.ROOT, "%.1f", e.seconds()))).append('\n');
                }
            }
            org.gan4j.api.support.AtomicFiles.writeString(file, csv.toString());
        } catch (IOException e) {
            log.printf("bench: cannot write %s: %s%n", file, e.getMessage());
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The worker's error line ("gan: ...") or its last non-empty line. */
    static String lastMessage(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
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
