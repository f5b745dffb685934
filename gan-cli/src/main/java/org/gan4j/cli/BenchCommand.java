package org.gan4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.ServiceLoader;
import org.gan4j.bench.Bench;
import org.gan4j.bench.BenchRunner;
import org.gan4j.bench.ClusterExecutorProvider;
import org.gan4j.bench.LocalProcessExecutor;
import org.gan4j.bench.MemberExecutor;
import org.gan4j.core.RunException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark suite: every member of its matrix in worker processes, then results.csv, "
                + "summary.csv, report.md and a self-contained report.html in the bench directory.",
            "Members already complete are skipped, so a stopped bench resumes where it was; a failing member is "
                + "reported and the others go on (exit 1 when any did not complete)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "suite YAML file (e.g. benchmarks/mixtures.yaml)")
    Path suite;

    @Option(names = "--parallel", paramLabel = "N",
            description = "worker processes at a time (default: the number of cores)")
    Integer parallel;

    @Option(names = "--threads", paramLabel = "T",
            description = "OMP_NUM_THREADS of each worker (default: max(1, cores / parallel))")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "bench directory (default: runs/bench/<suite name>)")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a config value in every member, e.g. --set trainer.steps=500 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "expand and validate the suite, list its members, run nothing")
    boolean dryRun;

    @Option(names = "--master", paramLabel = "URL",
            description = "run the members as Spark tasks: spark://HOST:PORT (a standalone cluster), local[N,F] "
                    + "(N at a time, F attempts each), yarn or k8s://...; needs the gan4j distribution at the same "
                    + "path on every worker (default: local worker processes)")
    String master;

    @Option(names = "--shared-dir", paramLabel = "DIR",
            description = "with --master: a directory every worker mounts at this path; members train there and a "
                    + "retried member resumes from its last checkpoint (default: run directories are sent back)")
    Path sharedDir;

    @Override
    public Integer call() {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = parallel != null ? parallel : cores;
        if (n < 1 || (threads != null && threads < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--parallel and --threads must be >= 1");
        }
        int t = threads != null ? threads : BenchRunner.threadsPerWorker(cores, n);
        Bench bench = new Bench(GanCli.framework(spec));
        if (dryRun) {
            bench.plan(bench.parse(suite, overrides)).forEach(m -> System.out.printf("%-60s %d steps  %s%n", m.id(),
                    m.targetSteps(), String.join(" ", m.overrides())));
            return 0;
        }
        List<Path> plugins = spec.root().userObject() instanceof GanCli root ? root.pluginFolders : List.of();
        String javaOpts = System.getenv().getOrDefault("GAN_BENCH_JAVA_OPTS", "-Xmx1g");
        List<String> jvm = javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+"));
        StringBuilder command = new StringBuilder("bin/gan bench ").append(suite);
        if (parallel != null) {
            command.append(" --parallel ").append(parallel);
        }
        if (threads != null) {
            command.append(" --threads ").append(threads);
        }
        overrides.forEach(o -> command.append(" --set ").append(o));
        if (out != null) {
            command.append(" --out ").append(out);
        }
        if (sharedDir != null && master == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--shared-dir " + sharedDir + " needs --master (local workers write into the bench directory)");
        }
        MemberExecutor executor;
        if (master == null) {
            executor = new LocalProcessExecutor(n, t, BenchRunner.javaWorker(jvm, plugins));
        } else {
            bench.plan(bench.parse(suite, overrides)); // every member validated before the cluster is contacted
            command.append(" --master ").append(master);
            if (sharedDir != null) {
                command.append(" --shared-dir ").append(sharedDir);
            }
            // one member per task, each with --threads (default 1: a task is one core of the cluster)
            executor = clusterExecutor(new ClusterExecutorProvider.Options(master, sharedDir,
                    threads != null ? threads : 1, jvm, plugins, workerClassPath()));
        }
        Bench.Outcome outcome = bench.run(suite, overrides, out, executor, command.toString(), System.out);
        if (outcome.failed() > 0) {
            System.err.println("gan: " + outcome.failed() + " of " + outcome.results().size()
                    + " members did not complete (see the report); rerun the same command to retry only those");
            return GanCli.RUNTIME_FAILURE;
        }
        return 0;
    }

    /** The cluster module's executor, found only now so that Spark's classes load only for --master. */
    private MemberExecutor clusterExecutor(ClusterExecutorProvider.Options options) {
        ClusterExecutorProvider provider = ServiceLoader.load(ClusterExecutorProvider.class).findFirst()
                .orElseThrow(() -> new RunException("--master " + options.master() + " needs the gan-spark module: "
                        + "run bin/gan from the distribution or a build with gan-spark/target/lib (mvn package)"));
        try {
            return provider.create(options);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The class path of a member's process on a worker: gan4j's jars without Spark's ({@code gan.worker.classpath},
     * set by bin/gan), at the same path there.
     */
    private static String workerClassPath() {
        return System.getProperty("gan.worker.classpath", System.getProperty("java.class.path"));
    }
}
