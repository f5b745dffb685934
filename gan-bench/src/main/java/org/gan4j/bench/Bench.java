package org.gan4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunException;

/** {@code gan bench}: expand a suite, run its unfinished members, aggregate, write the reports. */
public final class Bench {
    private final GanFramework framework;

    public Bench(GanFramework framework) {
        this.framework = framework;
    }

    /**
     * What a bench invocation produced.
     *
     * @param suite the suite
     * @param results one per member
     * @param report report.html
     * @param failed members that did not complete
     */
    public record Outcome(Suite suite, List<MemberResult> results, Path report, int failed) {}

    /** The suite's members, every one validated (throws {@code ConfigException} naming the suite and key). */
    public List<Member> plan(Suite suite) {
        return loader().expand(suite);
    }

    public Suite parse(Path suiteFile, List<String> set) {
        return loader().parse(suiteFile, set);
    }

    private SuiteLoader loader() {
        return new SuiteLoader(framework.configLoader(), framework.plugins().variants());
    }

    /**
     * Runs the suite into {@code outDir} (default {@code runs/bench/<suite name>}).
     *
     * @param command the command line, shown in the reports
     */
    public Outcome run(Path suiteFile, List<String> set, Path outDir, int parallel, int threads,
            BenchRunner.WorkerCommand worker, String command, PrintStream log) {
        return run(suiteFile, set, outDir, new LocalProcessExecutor(parallel, threads, worker), command, log);
    }

    /**
     * Runs the suite into {@code outDir} (default {@code runs/bench/<suite name>}) on {@code executor}.
     *
     * @param command the command line, shown in the reports
     */
    public Outcome run(Path suiteFile, List<String> set, Path outDir, MemberExecutor executor, String command,
            PrintStream log) {
        Suite suite = parse(suiteFile, set);
        List<Member> members = plan(suite);
        Path out = outDir != null ? outDir : Path.of("runs", "bench", suite.name());
        try {
            Files.createDirectories(out);
            Files.copy(suiteFile, out.resolve("suite.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunException("cannot prepare the bench directory " + out + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        BenchRunner runner = new BenchRunner(out, executor, log);
        List<MemberResult> results = runner.run(members, suite.metrics());
        double seconds = (System.nanoTime() - start) / 1e9;
        Path report;
        try {
            report = new ReportWriter(out, suite, results).write(command, seconds);
            ExecutionsSection.append(out, runner.executorDescription(), members, runner.executions());
        } catch (IOException e) {
            throw new RunException("cannot write the report in " + out + ": " + e.getMessage(), e);
        }
        int failed = (int) results.stream().filter(r -> !r.complete()).count();
        log.printf("bench: %d of %d members complete in %.1f s; report: %s%n", results.size() - failed,
                results.size(), seconds, report);
        return new Outcome(suite, results, report, failed);
    }
}
