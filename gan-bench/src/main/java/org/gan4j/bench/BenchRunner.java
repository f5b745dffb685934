package org.gan4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a suite's members as worker processes, {@code parallel} at a time, each with
 * {@code OMP_NUM_THREADS = threads}. Members whose run directory already holds a finished run are skipped;
 * a member whose worker fails is recorded and the others go on. SIGINT/SIGTERM to the bench stops the
 * workers (they write a checkpoint, so a rerun resumes them); a bench killed outright takes its workers
 * with it (they watch their parent).
 */
public final class BenchRunner {
    /** Main class of the worker processes. */
    public static final String WORKER_MAIN = BenchWorker.class.getName();

    /** Builds the command line of one member's worker. */
    @FunctionalInterface
    public interface WorkerCommand {
        List<String> command(Member member, Path runDir);
    }

    private final Path outDir;
    private final int parallel;
    private final int threads;
    private final WorkerCommand workerCommand;
    private final PrintStream log;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    public BenchRunner(Path outDir, int parallel, int threads, WorkerCommand workerCommand, PrintStream log) {
        if (parallel < 1 || threads < 1) {
            throw new IllegalArgumentException("parallel and threads must be at least 1");
        }
        this.outDir = outDir;
        this.parallel = parallel;
        this.threads = threads;
        this.workerCommand = workerCommand;
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
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (MemberResult.isComplete(runDir(m), m.targetSteps())) {
                results.set(i, MemberResult.read(m, runDir(m), metrics, MemberResult.Status.SKIPPED, Double.NaN, null));
            } else {
                todo.add(i);
            }
        }
        int skipped = members.size() - todo.size();
        log.printf("bench: %d members, %d already complete, %d to run (%d at a time, OMP_NUM_THREADS=%d each)%n",
                members.size(), skipped, todo.size(), parallel, threads);
        if (todo.isEmpty()) {
            return results;
        }
        Thread stopper = new Thread(this::stopWorkers, "bench-stop-workers");
        Runtime.getRuntime().addShutdownHook(stopper);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger finished = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> {
                    MemberResult r = runOne(members.get(i), metrics);
                    results.set(i, r);
                    int n = finished.incrementAndGet();
                    log.printf("bench: [%d/%d] %-7s %s (%.1f s)%s%n", n, todo.size(), r.status().word(),
                            r.member().id(), r.processSeconds(), r.error().isEmpty() ? "" : ": " + r.error());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorkers();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("bench runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                Member m = members.get(i);
                results.set(i, MemberResult.read(m, runDir(m), metrics, MemberResult.Status.MISSING, Double.NaN, null));
            }
        }
        return results;
    }

    private MemberResult runOne(Member member, List<Suite.MetricSpec> metrics) {
        Path runDir = runDir(member);
        Path logFile = logFile(member);
        long start = System.nanoTime();
        int exit;
        String error = null;
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(runDir.getParent());
            ProcessBuilder pb = new ProcessBuilder(workerCommand.command(member, runDir));
            workerThreading(pb.environment(), threads);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Process p = pb.start();
            live.add(p);
            try {
                exit = p.waitFor();
            } finally {
                live.remove(p);
            }
        } catch (IOException e) {
            exit = -1;
            error = "cannot start the worker: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
            error = "interrupted";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MemberResult.Status status;
        if (exit == 0 && MemberResult.isComplete(runDir, member.targetSteps())) {
            status = MemberResult.Status.COMPLETE;
        } else if (exit == 130 || exit == 143) {
            status = MemberResult.Status.MISSING;
            error = "interrupted (a checkpoint was written; rerun to resume)";
        } else {
            status = MemberResult.Status.FAILED;
            if (error == null) {
                error = "exit " + exit + ": " + lastMessage(logFile) + " (log: " + logFile + ")";
            }
        }
        return MemberResult.read(member, runDir, metrics, status, seconds, error);
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

    /** Asks every live worker to stop (SIGTERM: it checkpoints) and waits up to 30 s for them. */
    private void stopWorkers() {
        for (Process p : live) {
            p.destroy();
        }
        for (Process p : live) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
