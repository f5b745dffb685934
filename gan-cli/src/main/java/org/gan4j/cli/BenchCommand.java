package org.gan4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gan4j.bench.Bench;
import org.gan4j.bench.BenchRunner;
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
        Bench.Outcome outcome = bench.run(suite, overrides, out, n, t, BenchRunner.javaWorker(jvm, plugins),
                command.toString(), System.out);
        if (outcome.failed() > 0) {
            System.err.println("gan: " + outcome.failed() + " of " + outcome.results().size()
                    + " members did not complete (see the report); rerun the same command to retry only those");
            return GanCli.RUNTIME_FAILURE;
        }
        return 0;
    }
}
