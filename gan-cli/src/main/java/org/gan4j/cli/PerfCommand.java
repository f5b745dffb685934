package org.gan4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gan4j.core.RunEnvironment;
import org.gan4j.perf.LayerProfile;
import org.gan4j.perf.MachineProbe;
import org.gan4j.perf.PerfBenchmark;
import org.gan4j.perf.PerfBenchmark.StandardShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "perf", mixinStandardHelpOptions = true,
        description = {"Measure training throughput on the standard shapes (MLP ring, DCGAN 28 and 32):",
            "median steps/s after warm-up, FLOPs per step, achieved GFLOP/s, the matmul ceiling and peak RSS."})
final class PerfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--shapes", split = ",", defaultValue = "mlp,dcgan28,dcgan32",
            description = "shapes to measure (default ${DEFAULT-VALUE})")
    List<String> shapes;

    @Option(names = "--steps", defaultValue = "0", description = "timed steps per shape (0: each shape's default)")
    int steps;

    @Option(names = "--json", defaultValue = "perf.json", description = "JSON file to write (default ${DEFAULT-VALUE})")
    Path json;

    @Option(names = "--soak", description = "also train the MLP 10,000 steps and compare RSS at step 1,000 and at the end")
    boolean soak;

    @Option(names = "--soak-penalty", description = "instead of steps/s: train the MLP ring as WGAN-GP on the PyTorch "
            + "engine (it selects that engine) and compare RSS at step 500 and at the end, with RSS every 500 steps and, "
            + "for more than 3,000 steps, the growth from 500 to 3,000 and from 3,000 to the end (the create_graph "
            + "backward's memory); alone in its process; bin/gan runs it with a pre-touched 256 MiB heap")
    boolean soakPenalty;

    @Option(names = "--soak-steps", defaultValue = "3000", description = "generator steps of --soak-penalty (default ${DEFAULT-VALUE})")
    long soakSteps;

    @Option(names = "--layers", description = "instead of steps/s: the median forward and backward time of every "
            + "layer of each chosen DCGAN, run alone (compare with benchmarks/perf/layer_profile_torch.py)")
    boolean layers;

    @Option(names = "--engine", defaultValue = "mxnet", paramLabel = "NAME",
            description = "engine to measure: mxnet or pytorch (default ${DEFAULT-VALUE}; one engine per process)")
    String engine;

    @Option(names = "--work", description = "folder for the benchmark's run directories (default: a temporary one)")
    Path work;

    @Override
    public Integer call() throws Exception {
        List<StandardShape> chosen = new ArrayList<>();
        for (String s : shapes) {
            try {
                chosen.add(StandardShape.valueOf(s.trim().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "unknown shape '" + s + "'; expected mlp, dcgan28, dcgan32");
            }
        }
        if (soakPenalty) { // the penalty needs second derivatives: the soak is a PyTorch measurement
            if (spec.commandLine().getParseResult().hasMatchedOption("--engine") && !"pytorch".equals(engine)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--soak-penalty runs on the "
                        + "pytorch engine (the gradient penalty needs second derivatives); drop --engine " + engine);
            }
            engine = "pytorch";
        }
        if (!org.gan4j.api.engine.GanEngines.names().contains(engine)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown engine '" + engine
                    + "'; accepted: " + org.gan4j.api.engine.GanEngines.names());
        }
        org.gan4j.api.engine.GanEngines.select(engine); // before DJL's first use: the probe and every shape use it
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("gan-perf");
        PerfBenchmark bench = new PerfBenchmark(GanCli.framework(spec), dir, engine);
        if (layers) {
            return printLayers(bench, chosen);
        }
        if (soakPenalty) {
            return printPenaltySoak(bench);
        }
        PerfBenchmark.Soak soakResult = soak ? bench.soak(1000, 10_000) : null; // first: other shapes would add to RSS
        List<PerfBenchmark.Result> results = bench.measureAll(chosen, steps);
        double ceiling = MachineProbe.matmulGflops(1024, 10);
        double rss = MachineProbe.peakRssMib();
        int threads = RunEnvironment.ompThreads();
        System.out.printf("%n%-8s %10s %14s %10s %12s%n", "shape", "steps/s", "GFLOP/step", "GFLOP/s", "% of matmul");
        for (PerfBenchmark.Result r : results) {
            System.out.printf("%-8s %10.2f %14.3f %10.1f %11.0f%%%n", r.shape(), r.stepsPerSecond(),
                    r.flopsPerStep() / 1e9, r.gflops(), 100 * r.gflops() / ceiling);
        }
        System.out.printf("matmul ceiling (1024², float32): %.1f GFLOP/s; peak RSS %.0f MiB; OMP_NUM_THREADS=%s; %d cores%n",
                ceiling, rss, threads > 0 ? threads : "unset", Runtime.getRuntime().availableProcessors());
        if (soakResult != null) {
            System.out.printf("MLP soak: RSS %.0f MiB at step %d, %.0f MiB at step %d (%+.1f %%); outside the Java heap "
                    + "%.0f -> %.0f MiB (%+.1f %%)%n", soakResult.rssEarlyMib(), soakResult.earlyStep(),
                    soakResult.rssEndMib(), soakResult.endStep(), 100 * soakResult.growth(),
                    soakResult.rssEarlyMib() - soakResult.heapEarlyMib(), soakResult.rssEndMib() - soakResult.heapEndMib(),
                    100 * soakResult.nativeGrowth());
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("date", LocalDate.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("omp_num_threads", threads);
        root.put("engine", engine);
        root.put("matmul_gflops", ceiling);
        root.put("peak_rss_mib", rss);
        root.set("results", mapper.valueToTree(results));
        if (soakResult != null) {
            root.set("soak", mapper.valueToTree(soakResult));
        }
        Files.writeString(json, mapper.writeValueAsString(root) + "\n");
        System.out.println("wrote " + json);
        return 0;
    }

    /** The WGAN-GP soak alone: it selects the PyTorch engine, which the other shapes' engine may not share. */
    private Integer printPenaltySoak(PerfBenchmark bench) throws Exception {
        if (soakSteps < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--soak-steps must be at least 2, got " + soakSteps);
        }
        long early = Math.min(500, soakSteps / 2);
        PerfBenchmark.Soak s = bench.penaltySoak(early, soakSteps);
        StringBuilder trace = new StringBuilder();
        for (PerfBenchmark.Reading r : s.trace()) {
            trace.append(String.format(java.util.Locale.ROOT, " %d:%.0f", r.step(), r.rssMib()));
        }
        System.out.println("RSS (MiB) by generator step:" + trace);
        // the issue's figure is step 500 -> 3,000; a longer soak also shows whether the growth levels off after
        if (early == 500 && soakSteps > 3000 && !Double.isNaN(s.growth(500, 3000))) {
            System.out.printf(java.util.Locale.ROOT, "WGAN-GP soak: RSS %+.1f %% from step 500 to 3000, %+.1f %% from "
                    + "step 3000 to %d%n", 100 * s.growth(500, 3000), 100 * s.growth(3000, soakSteps), soakSteps);
        }
        System.out.printf("WGAN-GP soak (PyTorch, MLP ring, 5 critic steps with the gradient penalty): RSS %.0f MiB at "
                + "step %d, %.0f MiB at step %d (%+.1f %%); outside the Java heap %.0f -> %.0f MiB (%+.1f %%); "
                + "OMP_NUM_THREADS=%s; MALLOC_ARENA_MAX=%s; heap pre-touched: %s%n", s.rssEarlyMib(), s.earlyStep(),
                s.rssEndMib(), s.endStep(), 100 * s.growth(), s.rssEarlyMib() - s.heapEarlyMib(),
                s.rssEndMib() - s.heapEndMib(), 100 * s.nativeGrowth(), RunEnvironment.ompThreads(),
                System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset"), heapPreTouched());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("date", LocalDate.now().toString());
        root.put("omp_num_threads", RunEnvironment.ompThreads());
        root.set("penalty_soak", mapper.valueToTree(s));
        Files.writeString(json, mapper.writeValueAsString(root) + "\n");
        System.out.println("wrote " + json);
        return 0;
    }

    /** Whether the JVM runs with -XX:+AlwaysPreTouch: else heap pages become resident gradually and read as growth. */
    private static boolean heapPreTouched() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+AlwaysPreTouch");
    }

    private Integer printLayers(PerfBenchmark bench, List<StandardShape> chosen) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("date", LocalDate.now().toString());
        root.put("omp_num_threads", RunEnvironment.ompThreads());
        root.put("engine", engine);
        for (StandardShape shape : chosen) {
            if (shape != StandardShape.MLP) { // the MLP's dense layers of 128 units: only its phases are of interest
                printLayerTable(bench, shape, mapper, root);
            }
            java.util.Map<String, Double> phases = bench.phases(shape, shape == StandardShape.MLP ? 500 : 30);
            System.out.printf("%n%s: median ms per phase of one iteration (engine drained after each phase)%n",
                    shape.name().toLowerCase());
            double sum = phases.values().stream().mapToDouble(Double::doubleValue).sum();
            phases.forEach((k, v) -> System.out.printf("  %-36s %8.2f  %4.0f%%%n", k, v, 100 * v / sum));
            System.out.printf("  %-36s %8.2f%n", "sum", sum);
            if (shape == StandardShape.MLP) {
                double overhead = MachineProbe.operatorOverheadMicros();
                System.out.printf("one tiny operator, created and freed: %.1f us (%s)%n", overhead, "mxnet".equals(engine)
                        ? "MXNET_ENGINE_TYPE=" + System.getenv().getOrDefault("MXNET_ENGINE_TYPE", "default threaded")
                        : "engine " + engine);
                root.put("operator_overhead_us", overhead);
            }
            root.set(shape.name().toLowerCase() + "_phases", mapper.valueToTree(phases));
        }
        Files.writeString(json, mapper.writeValueAsString(root) + "\n");
        System.out.println("wrote " + json);
        return 0;
    }

    private static void printLayerTable(PerfBenchmark bench, StandardShape shape, ObjectMapper mapper, ObjectNode root)
            throws Exception {
        List<LayerProfile.Layer> rows = bench.layers(shape, 30);
        System.out.printf("%n%s: median ms per layer run alone (batch first; backward = input and weight gradients)%n",
                shape.name().toLowerCase());
        System.out.printf("%-3s %3s %-44s %-16s %9s %9s %11s %9s%n", "net", "#", "layer", "input", "fwd ms",
                "bwd ms", "chained bwd", "GFLOP/s");
        double total = 0;
        for (LayerProfile.Layer l : rows) {
            total += l.forwardMs() + l.backwardMs();
            System.out.printf("%-3s %3d %-44s %-16s %9.3f %9.3f %11.3f %9s%n", l.network(), l.index(),
                l.layer().length() > 44 ? l.layer().substring(0, 44) : l.layer(),
                l.input().toString().replace(", ", "x").replaceAll("[()]", ""), l.forwardMs(), l.backwardMs(),
                l.chainedBackwardMs(),
                l.flops() == 0 ? "" : String.format("%.1f", l.gflops()));
        }
        System.out.printf("sum of one forward and backward of every layer: %.1f ms%n", total);
        root.set(shape.name().toLowerCase(), mapper.valueToTree(rows));
    }
}
