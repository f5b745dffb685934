package org.gan4j.perf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.StepPhaseObserver;
import org.gan4j.core.train.TrainingPlan;

/**
 * Median training steps per second (one D update + one G update) of the standard shapes, trained by
 * the real trainer through the real config path, with FLOPs per step and the achieved GFLOP/s.
 */
public final class PerfBenchmark {

    /** The standard shapes of the performance issue, by name. */
    public enum StandardShape {
        MLP("mlp-ring.yaml", 100, 2000, 50),
        DCGAN28("dcgan28.yaml", 10, 100, 5),
        DCGAN32("dcgan32.yaml", 10, 60, 5);

        final String resource;
        final int warmup;
        final int steps;
        final int interval;

        StandardShape(String resource, int warmup, int steps, int interval) {
            this.resource = resource;
            this.warmup = warmup;
            this.steps = steps;
            this.interval = interval;
        }
    }

    /**
     * One shape's measurement.
     *
     * @param shape which standard shape
     * @param stepsPerSecond median over intervals after warm-up
     * @param flopsPerStep counted from layer shapes (see {@link Flops#trainingStep})
     * @param gflops achieved: flopsPerStep × stepsPerSecond / 1e9
     * @param measuredSteps steps timed after warm-up
     * @param intervals timed intervals the median is over
     */
    public record Result(String shape, double stepsPerSecond, long flopsPerStep, double gflops, int measuredSteps,
            int intervals) {}

    private final GanFramework framework;
    private final Path workDir;
    private final String engine;

    public PerfBenchmark(GanFramework framework, Path workDir) {
        this(framework, workDir, null);
    }

    /** @param engine the engine every shape runs on ({@code mxnet}, {@code pytorch}); null: the configs' default */
    public PerfBenchmark(GanFramework framework, Path workDir, String engine) {
        this.framework = framework;
        this.workDir = workDir;
        this.engine = engine;
    }

    /** The shape's overrides, with the engine first so the process's one engine is the one chosen. */
    private List<String> overrides(String... more) {
        List<String> all = new java.util.ArrayList<>();
        if (engine != null) {
            all.add("engine=" + engine);
        }
        all.addAll(List.of(more));
        return all;
    }

    /** Measures one shape; {@code stepsOverride} > 0 replaces its measured step count. */
    public Result measure(StandardShape shape, int stepsOverride) throws IOException {
        int steps = stepsOverride > 0 ? stepsOverride : shape.steps;
        Path config = workDir.resolve(shape.resource);
        try (InputStream in = PerfBenchmark.class.getResourceAsStream(shape.resource)) {
            Files.copy(in, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ConfigLoader.Loaded loaded = framework.configLoader().load(config, overrides(
                "trainer.steps=" + (shape.warmup + steps), "trainer.log_every=" + shape.interval));
        long flops = flopsPerStep(loaded.config(), workDir);
        StepTimer timer = new StepTimer(shape.warmup);
        RunOptions options = new RunOptions(workDir.resolve("run-" + shape.name().toLowerCase()), true, false, null,
                List.of(timer));
        ExperimentRunner.Result run = framework.runner().run(loaded, options);
        if (run.interrupted()) {
            throw new IOException("the benchmark was interrupted");
        }
        double sps = 1 / timer.medianSecondsPerStep();
        return new Result(shape.name().toLowerCase(), sps, flops, flops * sps / 1e9, steps, timer.intervals());
    }

    /**
     * RSS of a long MLP run: after {@code early} steps and at the end ({@code steps}); flat memory means
     * the two agree within a few percent.
     *
     * @param rssEarlyMib resident set after {@code earlyStep} steps
     * @param rssEndMib resident set after {@code endStep} steps
     * @param heapEarlyMib committed Java heap at {@code earlyStep} (part of the RSS the JVM may grow at will)
     * @param heapEndMib committed Java heap at the end
     * @param trace the readings at every logged step (every 500 steps, or {@code earlyStep} when smaller)
     */
    public record Soak(long earlyStep, double rssEarlyMib, long endStep, double rssEndMib, double heapEarlyMib,
            double heapEndMib, List<Reading> trace) {
        public double growth() {
            return rssEndMib / rssEarlyMib - 1;
        }

        /** RSS growth between two logged steps of the trace, or NaN when either was not logged. */
        public double growth(long from, long to) {
            double a = rssAt(from);
            double b = rssAt(to);
            return b / a - 1;
        }

        private double rssAt(long step) {
            return trace.stream().filter(r -> r.step() == step).mapToDouble(Reading::rssMib).findFirst()
                    .orElse(Double.NaN);
        }

        /** Growth of the resident set outside the committed Java heap (native memory: MXNet, buffers). */
        public double nativeGrowth() {
            return (rssEndMib - heapEndMib) / (rssEarlyMib - heapEarlyMib) - 1;
        }
    }

    /** One reading of a soak: the process's resident set and the committed Java heap after {@code step} steps. */
    public record Reading(long step, double rssMib, double heapMib) {}

    /** Trains the MLP shape for {@code steps} steps, reading the process's RSS at step {@code early} and at the end. */
    public Soak soak(long early, long steps) throws IOException {
        return soak(StandardShape.MLP.resource, early, steps);
    }

    /** The resource of the WGAN-GP soak: the MLP ring as WGAN-GP on the PyTorch engine. */
    static final String PENALTY_SOAK = "mlp-ring-wgan-gp.yaml";

    /**
     * The MLP ring trained as WGAN-GP on the PyTorch engine (5 critic steps, each with the gradient penalty's
     * create_graph backward) for {@code steps} generator steps, RSS read at step {@code early} and at the end.
     * It selects the PyTorch engine, so it runs in a process that has used no other engine.
     */
    public Soak penaltySoak(long early, long steps) throws IOException {
        return soak(PENALTY_SOAK, early, steps);
    }

    private Soak soak(String resource, long early, long steps) throws IOException {
        Path config = workDir.resolve(resource);
        try (InputStream in = PerfBenchmark.class.getResourceAsStream(resource)) {
            Files.copy(in, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ConfigLoader.Loaded loaded = framework.configLoader().load(config,
                overrides("trainer.steps=" + steps, "trainer.log_every=" + Math.min(early, 500)));
        double[] rssEarly = {-1, -1};
        List<Reading> trace = new ArrayList<>();
        org.gan4j.api.train.TrainingListener probe = new org.gan4j.api.train.TrainingListener() {
            @Override
            public void onLog(org.gan4j.api.train.StepStats stats) {
                trace.add(new Reading(stats.step(), MachineProbe.rssMib(), MachineProbe.committedHeapMib()));
                if (stats.step() == early) {
                    rssEarly[0] = MachineProbe.rssMib();
                    rssEarly[1] = MachineProbe.committedHeapMib();
                }
            }
        };
        RunOptions options = new RunOptions(workDir.resolve("run-soak"), true, false, null, List.of(probe));
        framework.runner().run(loaded, options);
        return new Soak(early, rssEarly[0], steps, MachineProbe.rssMib(), rssEarly[1], MachineProbe.committedHeapMib(),
                List.copyOf(trace));
    }

    /**
     * Per-layer forward/backward times of a shape's G (on z) and D (on images), see {@link LayerProfile}.
     */
    public List<LayerProfile.Layer> layers(StandardShape shape, int repeats) throws IOException {
        Path config = workDir.resolve(shape.resource);
        try (InputStream in = PerfBenchmark.class.getResourceAsStream(shape.resource)) {
            Files.copy(in, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ExperimentConfig c = framework.configLoader().load(config, overrides()).config();
        int m = c.getTrainer().getBatchSize();
        try (NDManager manager = NDManager.newBaseManager();
                SampleSource data = c.getData().open(new DataContext(workDir, c.getSeed()))) {
            Engine.getInstance().setRandomSeed(1);
            ModelSpec spec = ModelSpec.of(data.sampleShape(), c.getLatent().getDim());
            try (GanNetworks nets = GanNetworks.create(c.getModel(), spec, manager)) {
                List<LayerProfile.Layer> all = new ArrayList<>(LayerProfile.profile("G", nets.generator(),
                        new Shape(m, spec.latentDim()), manager, 5, repeats));
                all.addAll(LayerProfile.profile("D", nets.discriminator(), new Shape(m).addAll(spec.sampleShape()),
                        manager, 5, repeats));
                double[] g = LayerProfile.prefixBackwardMs(nets.generator(), new Shape(m, spec.latentDim()), manager, 5,
                        repeats);
                double[] d = LayerProfile.prefixBackwardMs(nets.discriminator(),
                        new Shape(m).addAll(spec.sampleShape()), manager, 5, repeats);
                List<LayerProfile.Layer> withContext = new ArrayList<>();
                for (LayerProfile.Layer l : all) {
                    double[] prefix = l.network().equals("G") ? g : d;
                    double added = prefix[l.index()] - (l.index() == 0 ? 0 : prefix[l.index() - 1]);
                    withContext.add(l.withChainedBackward(added));
                }
                return withContext;
            }
        }
    }

    /** Median milliseconds of each phase of one training iteration of a shape, see {@link PhaseProfile}. */
    public java.util.Map<String, Double> phases(StandardShape shape, int repeats) throws IOException {
        return withPlan(shape, StepPhaseObserver.NONE, (plan, manager) -> PhaseProfile.profile(plan, manager, 10, repeats));
    }

    /**
     * Trains a shape {@code iterations} iterations through the real trainer (no metrics, no logging), with
     * {@code observer} watching every phase: an instrument counting the engine's work per iteration.
     */
    public void observe(StandardShape shape, StepPhaseObserver observer, int iterations) throws IOException {
        withPlan(shape, observer, (plan, manager) -> new GanTrainer(plan).train(manager, 0, iterations, -1));
    }

    /** Builds the shape's networks, data, optimizers and training plan, and hands the plan to {@code use}. */
    private <T> T withPlan(StandardShape shape, StepPhaseObserver observer,
            java.util.function.BiFunction<TrainingPlan, NDManager, T> use) throws IOException {
        Path config = workDir.resolve(shape.resource);
        try (InputStream in = PerfBenchmark.class.getResourceAsStream(shape.resource)) {
            Files.copy(in, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ExperimentConfig c = framework.configLoader().load(config, overrides()).config();
        try (NDManager manager = NDManager.newBaseManager();
                SampleSource data = c.getData().open(new DataContext(workDir, c.getSeed()))) {
            Engine.getInstance().setRandomSeed(1);
            ModelSpec spec = ModelSpec.of(data.sampleShape(), c.getLatent().getDim());
            try (GanNetworks nets = GanNetworks.create(c.getModel(), spec, manager);
                    ParameterOptimizer g = c.getTrainer().getGeneratorOptimizer().create();
                    ParameterOptimizer d = c.getTrainer().getDiscriminatorOptimizer().create()) {
                TrainingPlan plan = TrainingPlan.builder().networks(nets).data(data).latent(c.getLatent())
                        .task(c.getTask()).seed(c.getSeed()).loss(c.getLoss()).regularizers(c.getRegularizers())
                        .optimizers(g, d).batchSize(c.getTrainer().getBatchSize())
                        .discriminatorSteps(c.getTrainer().getDiscriminatorSteps())
                        .reuseFake(c.getTrainer().isReuseFake()).logEvery(Integer.MAX_VALUE).runDir(workDir)
                        .phases(observer).build();
                return use.apply(plan, manager);
            }
        }
    }

    /** FLOPs of one iteration for the config's architecture and batch size. */
    static long flopsPerStep(ExperimentConfig config, Path baseDir) throws IOException {
        int m = config.getTrainer().getBatchSize();
        try (NDManager manager = NDManager.newBaseManager();
                SampleSource data = config.getData().open(new DataContext(baseDir, config.getSeed()))) {
            Engine.getInstance().setRandomSeed(1);
            ModelSpec spec = ModelSpec.of(data.sampleShape(), config.getLatent().getDim());
            try (GanNetworks nets = GanNetworks.create(config.getModel(), spec, manager)) {
                long g = Flops.forward(nets.generator(), new Shape(m, spec.latentDim()));
                long d = Flops.forward(nets.discriminator(), new Shape(m).addAll(spec.sampleShape()));
                return Flops.trainingStep(g, d, config.getTrainer().isReuseFake());
            }
        }
    }

    /** Measures every shape in order. */
    public List<Result> measureAll(List<StandardShape> shapes, int stepsOverride) throws IOException {
        List<Result> results = new ArrayList<>();
        for (StandardShape s : shapes) {
            results.add(measure(s, stepsOverride));
        }
        return results;
    }
}
