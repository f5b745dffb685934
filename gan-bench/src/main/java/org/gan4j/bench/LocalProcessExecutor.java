package org.gan4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The default executor: members as worker processes on this machine, {@code parallel} at a time, each with
 * {@code OMP_NUM_THREADS = threads}. SIGINT/SIGTERM to the bench stops the workers (they write a checkpoint,
 * so a rerun resumes them); a bench killed outright takes its workers with it (they watch their parent).
 */
public final class LocalProcessExecutor implements MemberExecutor {
    private final int parallel;
    private final int threads;
    private final BenchRunner.WorkerCommand workerCommand;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    public LocalProcessExecutor(int parallel, int threads, BenchRunner.WorkerCommand workerCommand) {
        if (parallel < 1 || threads < 1) {
            throw new IllegalArgumentException("parallel and threads must be at least 1");
        }
        this.parallel = parallel;
        this.threads = threads;
        this.workerCommand = workerCommand;
    }

    @Override
    public String description() {
        return "local processes (" + parallel + " at a time, OMP_NUM_THREADS=" + threads + " each)";
    }

    @Override
    public void execute(List<Task> tasks, BiConsumer<Task, Execution> done) throws InterruptedException {
        Thread stopper = new Thread(this::stopWorkers, "bench-stop-workers");
        Runtime.getRuntime().addShutdownHook(stopper);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> done.accept(task, runOne(task))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            stopWorkers();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("bench runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private Execution runOne(Task task) {
        long start = System.nanoTime();
        int exit;
        String error = null;
        try {
            Files.createDirectories(task.logFile().getParent());
            Files.createDirectories(task.runDir().getParent());
            ProcessBuilder pb = new ProcessBuilder(workerCommand.command(task.member(), task.runDir()));
            BenchRunner.workerThreading(pb.environment(), threads);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(task.logFile().toFile()));
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
        return new Execution(exit, (System.nanoTime() - start) / 1e9, "localhost", 1, error);
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
