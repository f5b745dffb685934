package org.gan4j.cluster.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.gan4j.bench.ClusterExecutorProvider;
import org.gan4j.bench.MemberExecutor;
import org.gan4j.core.RunException;

/**
 * Runs a bench's members on Spark: one job of one task per member ({@link MemberTask}), all submitted at
 * once, so the cluster's scheduler places them and its task retries are the retry policy
 * ({@code spark.task.maxFailures}, or F in {@code local[N,F]}). With a shared directory members train there
 * (a retry resumes from the last checkpoint) and a finished one is copied into the bench directory; without
 * one a finished task sends its run directory back, zipped, and a failed one restarts from scratch.
 */
public final class SparkMemberExecutor implements MemberExecutor {
    private final ClusterExecutorProvider.Options options;

    SparkMemberExecutor(ClusterExecutorProvider.Options options) {
        this.options = options;
    }

    @Override
    public String description() {
        return "Spark " + options.master() + " (OMP_NUM_THREADS=" + options.threads() + " per task, "
                + (options.sharedDir() == null ? "run directories sent back" : "shared directory "
                + options.sharedDir()) + ")";
    }

    @Override
    public void execute(List<Task> tasks, BiConsumer<Task, Execution> done) throws InterruptedException {
        SparkConf conf = conf();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel(System.getProperty("gan.spark.log", "WARN"));
            int attempts = MasterUrl.attempts(options.master(), conf.getInt("spark.task.maxFailures", 4));
            ExecutorService waiters = Executors.newFixedThreadPool(Math.min(tasks.size(), 64), r -> {
                Thread t = new Thread(r, "spark-member-wait");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> waits = new ArrayList<>();
                for (Task task : tasks) {
                    long start = System.nanoTime();
                    JavaFutureAction<List<MemberOutcome>> job = sc.parallelize(List.of(spec(task)), 1)
                            .map(new MemberTask()).collectAsync();
                    waits.add(waiters.submit(() -> {
                        done.accept(task, await(task, job, start, attempts));
                        return null;
                    }));
                }
                for (Future<?> w : waits) {
                    w.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("bench runner failed: " + e.getCause(), e.getCause());
            } finally {
                waiters.shutdownNow();
            }
        }
    }

    private Execution await(Task task, JavaFutureAction<List<MemberOutcome>> job, long start, int attempts)
            throws InterruptedException {
        try {
            MemberOutcome outcome = job.get().get(0);
            if (outcome.archive() != null) {
                RunArchive.unpack(outcome.archive(), task.runDir(), task.logFile());
            } else {
                RunArchive.copy(sharedRun(task), sharedLog(task), task.runDir(), task.logFile());
            }
            return new Execution(outcome.exitCode(), seconds(start), outcome.where(), outcome.attempt(), null);
        } catch (ExecutionException e) {
            return new Execution(1, seconds(start), "spark", attempts, firstLine(e.getCause()));
        } catch (IOException e) {
            return new Execution(1, seconds(start), "spark", 1, "cannot bring the run directory of " + task.member().id()
                    + " into the bench directory: " + e.getMessage());
        }
    }

    /** Spark's job failure, reduced to the task's own message (the last attempt's). */
    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int cause = message.indexOf("IllegalStateException: ");
        if (cause >= 0) {
            message = message.substring(cause + "IllegalStateException: ".length());
        }
        int nl = message.indexOf('\n');
        return nl >= 0 ? message.substring(0, nl).trim() : message.trim();
    }

    private MemberSpec spec(Task task) {
        boolean shared = options.sharedDir() != null;
        return new MemberSpec(task.member().id(), task.member().base().toAbsolutePath().normalize().toString(),
                task.member().overrides(), shared ? sharedRun(task).toString() : null,
                shared ? sharedLog(task).toString() : null, options.threads(), options.workerJvmOptions(),
                options.pluginFolders().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
                options.workerClassPath());
    }

    private Path sharedRun(Task task) {
        return options.sharedDir().toAbsolutePath().resolve("runs").resolve(task.member().id());
    }

    private Path sharedLog(Task task) {
        return options.sharedDir().toAbsolutePath().resolve("logs").resolve(task.member().id() + ".log");
    }

    private SparkConf conf() {
        SparkConf conf = new SparkConf(true).setMaster(options.master()).setIfMissing("spark.app.name", "gan bench")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.task.maxFailures", "4");
        if (MasterUrl.parse(options.master()).isEmpty() && options.master().startsWith("local")) {
            // in-process Spark needs no address others can reach
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        // the executors need MemberTask and its records: ship this module's jar (or, in a build tree, name
        // its classes folder, which is at the same path on a single-machine cluster)
        Path location = ownLocation();
        if (location != null && location.toString().endsWith(".jar")) {
            conf.setJars(new String[] {location.toString()});
        } else if (location != null) {
            String extra = conf.get("spark.executor.extraClassPath", "");
            conf.set("spark.executor.extraClassPath", extra.isEmpty() ? location.toString()
                    : extra + java.io.File.pathSeparator + location);
        }
        return conf;
    }

    private static Path ownLocation() {
        try {
            return Path.of(MemberTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return null;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The shared directory must be writable from here (the driver copies from and checks it). */
    static void checkShared(Path shared) {
        try {
            Files.createDirectories(shared);
            Path probe = Files.createTempFile(shared, ".gan4j-write-probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new RunException("--shared-dir " + shared + " is not writable from the driver (" + e.getMessage()
                    + "); give a directory every worker and this machine mount read-write at the same path");
        }
    }
}
