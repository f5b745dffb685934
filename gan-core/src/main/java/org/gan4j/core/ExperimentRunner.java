package org.gan4j.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.checkpoint.Checkpointer;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.config.TrainerConfig;
import org.gan4j.core.output.AtomicFiles;
import org.gan4j.core.output.LossCurveListener;
import org.gan4j.core.output.MetricsCsvListener;
import org.gan4j.core.output.ProgressListener;
import org.gan4j.core.output.SamplePlotListener;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingDivergedException;
import org.gan4j.core.train.TrainingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a loaded config into a run: run directory, data, networks, optimizers, trainer, outputs. */
public final class ExperimentRunner {
    /** Name of the resolved config in a run directory; its presence marks the directory as a run. */
    public static final String RESOLVED_CONFIG = "config.yaml";
    private static final Logger LOG = LoggerFactory.getLogger("gan.run");

    private final ConfigLoader configLoader;
    private final Set<TrainingListener> pluginListeners;

    @Inject
    ExperimentRunner(ConfigLoader configLoader, Set<TrainingListener> pluginListeners) {
        this.configLoader = configLoader;
        this.pluginListeners = pluginListeners;
    }

    /**
     * The outcome of a run.
     *
     * @param runDir the run directory
     * @param summary where training stopped and the last numbers
     * @param interrupted whether a signal stopped the run before its target (a checkpoint was written)
     */
    public record Result(Path runDir, RunSummary summary, boolean interrupted) {}

    /**
     * Trains the experiment to its step target (or from its newest checkpoint when resuming) and
     * writes every output into the run directory. SIGINT/SIGTERM finish the current step, write a
     * checkpoint and return with {@code interrupted} set.
     */
    public Result run(ConfigLoader.Loaded loaded, RunOptions options) {
        ExperimentConfig config = loaded.config();
        boolean resuming = options.resumeDir() != null;
        Path runDir = resuming ? existingRun(options.resumeDir()) : prepareRunDirectory(loaded, options);
        String resolvedYaml = configLoader.toYaml(config);
        TrainerConfig trainer = config.getTrainer();
        Path configDir = loaded.file().toAbsolutePath().getParent();
        Engine.getInstance().setRandomSeed((int) (config.getSeed() ^ (config.getSeed() >>> 32)));
        try (NDManager root = NDManager.newBaseManager();
                SampleSource data = open(config, configDir)) {
            ModelSpec spec = modelSpec(config, data);
            if (data.size() > 0 && trainer.getBatchSize() > data.size()) {
                throw new RunException("trainer.batch_size " + trainer.getBatchSize()
                        + " is larger than the data set (" + data.size() + " samples)");
            }
            try (GanNetworks networks = build(config, spec, root);
                    ParameterOptimizer gOpt = trainer.getGeneratorOptimizer().create();
                    ParameterOptimizer dOpt = trainer.getDiscriminatorOptimizer().create()) {
                CheckpointStore store = new CheckpointStore(runDir);
                CheckpointStore.Restored restored = resuming ? restore(store, runDir, networks, gOpt, dOpt, root) : null;
                long start = restored == null ? 0 : restored.step();
                // Only now, with data, networks and checkpoint in hand, is the directory marked as this run:
                // a start-up failure leaves a retry free, and a failed resume leaves the run's config alone.
                writeResolvedConfig(runDir, resolvedYaml);
                writeRunFacts(runDir, loaded, spec);
                long target = trainer.targetStep(start);
                if (resuming && target <= start) {
                    throw new RunException("the run in " + runDir + " is already at step " + start
                            + " and trainer.steps is " + target + "; ask for more with --set trainer.steps=N "
                            + "(a total) or --set trainer.more_steps=N");
                }
                Checkpointer checkpointer = new Checkpointer(store, config.getCheckpoint(), resolvedYaml,
                        networks, gOpt, dOpt);
                checkpointer.continueFrom(restored);
                TrainingPlan plan = new TrainingPlan(networks, config.getLoss(), data, config.getLatent(),
                        gOpt, dOpt, trainer.getBatchSize(), trainer.getDiscriminatorSteps(),
                        trainer.isTrainGenerator(), trainer.getGeneratorStart(), trainer.getLogEvery(),
                        config.getEval().getEvery(), config.getEval().getMetrics(), listeners(config, options),
                        config.getSeed(), runDir, checkpointer, trainer.isReuseFake(), config.getTask());
                GanTrainer gan = new GanTrainer(plan);
                // The hook holds the JVM's shutdown until this block has written the summary and said how to resume.
                try (InterruptHook hook = InterruptHook.install(gan::requestStop)) {
                    RunSummary summary = trainWithRollbacks(gan, trainer, store, networks, gOpt, dOpt, root, start, target);
                    writeSummary(runDir, loaded, summary);
                    boolean interrupted = summary.step() < target;
                    if (interrupted) {
                        LOG.warn("interrupted at step {} of {}; checkpoint written. Resume with: bin/gan train {} --resume {}",
                                summary.step(), target, loaded.file(), runDir);
                    }
                    return new Result(runDir, summary, interrupted);
                }
            }
        }
    }

    /**
     * Trains; when the run diverges and {@code trainer.on_divergence} is rollback, restores the newest
     * good checkpoint, scales both learning rates and continues, up to {@code max_rollbacks} times.
     */
    private static RunSummary trainWithRollbacks(GanTrainer gan, TrainerConfig trainer, CheckpointStore store,
            GanNetworks networks, ParameterOptimizer gOpt, ParameterOptimizer dOpt, NDManager root, long start,
            long target) {
        int rollbacks = 0;
        long from = start;
        while (true) {
            try {
                return gan.train(root, from, target, ompThreads());
            } catch (TrainingDivergedException e) {
                Optional<CheckpointStore.Restored> good;
                try {
                    good = rollbacks < trainer.getMaxRollbacks()
                            && trainer.getOnDivergence() == TrainerConfig.DivergencePolicy.ROLLBACK
                            ? store.restoreLatest(networks, gOpt, dOpt, root) : Optional.empty();
                } catch (IOException io) {
                    throw new RunException(e.getMessage() + "; the checkpoints cannot be read: " + io.getMessage(), e);
                }
                if (good.isEmpty()) {
                    throw new RunException(e.getMessage() + "; " + lastGood(store), e);
                }
                rollbacks++;
                gOpt.scaleLearningRate(trainer.getRollbackLrFactor());
                dOpt.scaleLearningRate(trainer.getRollbackLrFactor());
                from = good.get().step();
                LOG.warn("{}; rolled back to step {} ({}), learning rates x{} (rollback {} of {})", e.getMessage(),
                        from, good.get().file().getFileName(), trainer.getRollbackLrFactor(), rollbacks,
                        trainer.getMaxRollbacks());
            }
        }
    }

    private static String lastGood(CheckpointStore store) {
        try {
            List<Path> all = store.list();
            return all.isEmpty() ? "no checkpoint was written before it"
                    : "the last checkpoint, " + all.get(all.size() - 1) + ", is intact (resume from it with --resume "
                            + "and lower learning rates, or set trainer.on_divergence: rollback)";
        } catch (IOException e) {
            return "the checkpoints folder cannot be listed: " + e.getMessage();
        }
    }

    private static CheckpointStore.Restored restore(CheckpointStore store, Path runDir, GanNetworks networks, ParameterOptimizer g,
            ParameterOptimizer d, NDManager root) {
        try {
            int files = store.list().size();
            CheckpointStore.Restored restored = store.restoreLatest(networks, g, d, root).orElseThrow(() ->
                    new RunException("cannot resume " + runDir + ": it has no valid checkpoint in "
                            + store.directory() + (files == 0 ? " (was it interrupted before its first checkpoint?)"
                                    : " (all " + files + " failed their checks; the warnings above say why)")));
            LOG.info("resuming from {} (step {})", restored.file(), restored.step());
            return restored;
        } catch (IOException e) {
            throw new RunException("cannot read the checkpoints of " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** A directory to resume must be a run: it holds the resolved config the run was started with. */
    private static Path existingRun(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunException("cannot resume " + dir + ": no such directory");
        }
        if (!Files.exists(dir.resolve(RESOLVED_CONFIG))) {
            throw new RunException("cannot resume " + dir + ": it is not a run directory (no " + RESOLVED_CONFIG + ")");
        }
        return dir;
    }

    /** Name of the file recording what a run was built for (read by {@code gan sample}). */
    public static final String RUN_FACTS = "run.json";

    private static void writeRunFacts(Path runDir, ConfigLoader.Loaded loaded, ModelSpec spec) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("config", loaded.file().toAbsolutePath().toString());
        var shape = root.putArray("sample_shape");
        for (long d : spec.sampleShape().getShape()) {
            shape.add(d);
        }
        root.put("latent_dim", spec.latentDim());
        try {
            AtomicFiles.writeString(runDir.resolve(RUN_FACTS), json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new RunException("cannot write " + runDir.resolve(RUN_FACTS) + ": " + e.getMessage(), e);
        }
    }

    private static void writeResolvedConfig(Path runDir, String yaml) {
        try {
            AtomicFiles.writeString(runDir.resolve(RESOLVED_CONFIG), yaml);
        } catch (IOException e) {
            throw new RunException("cannot write " + runDir.resolve(RESOLVED_CONFIG) + ": " + e.getMessage(), e);
        }
    }

    private static SampleSource open(ExperimentConfig config, Path configDir) {
        try {
            return config.getData().open(new DataContext(configDir, config.getSeed()));
        } catch (IOException e) {
            throw new RunException("data: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RunException("data: " + e.getMessage(), e);
        }
    }

    /** What the networks must fit: the data's shape, or what the conditional task makes of it. */
    static ModelSpec modelSpec(ExperimentConfig config, SampleSource data) {
        if (config.getTask() == null) {
            return ModelSpec.of(data.sampleShape(), config.getLatent().getDim());
        }
        try {
            return config.getTask().modelSpec(data.sampleShape(), data.numClasses(), config.getLatent().getDim());
        } catch (IllegalArgumentException e) {
            throw new RunException("task: " + e.getMessage(), e);
        }
    }

    private static GanNetworks build(ExperimentConfig config, ModelSpec spec, NDManager root) {
        try {
            return GanNetworks.create(config.getModel(), spec, root);
        } catch (IllegalArgumentException e) {
            throw new RunException("model: " + e.getMessage(), e);
        }
    }

    private List<TrainingListener> listeners(ExperimentConfig config, RunOptions options) {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new ProgressListener(options.interactive()));
        all.add(new MetricsCsvListener());
        all.add(new LossCurveListener());
        if (config.getOutput().isPlots()) {
            all.add(new SamplePlotListener(config.getEval().getSamples()));
        }
        all.addAll(pluginListeners);
        all.addAll(options.listeners());
        return all;
    }

    /** Chooses and prepares the run directory, refusing to mix two runs in one. */
    private Path prepareRunDirectory(ConfigLoader.Loaded loaded, RunOptions options) {
        ExperimentConfig config = loaded.config();
        Path dir = options.outDir() != null ? options.outDir()
                : config.getOutput().getDir() != null ? Path.of(config.getOutput().getDir())
                : Path.of("runs", baseName(loaded.file()));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunException("output directory " + dir + " is a file; choose another with --out");
        }
        try {
            if (Files.isDirectory(dir) && Files.exists(dir.resolve(RESOLVED_CONFIG))) {
                if (!options.overwrite()) {
                    throw new RunException("output directory " + dir + " already holds a run; pass --overwrite "
                            + "to replace it, or choose another with --out");
                }
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new RunException("output directory " + dir + " is not writable");
            }
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new RunException("output directory " + dir + " cannot be created or written (" + reason
                    + "); choose another with --out", e);
        }
        return dir;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The OpenMP thread count the engine runs with, or -1 when the variable is not set. */
    public static int ompThreads() {
        String value = System.getenv("OMP_NUM_THREADS");
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void writeSummary(Path runDir, ConfigLoader.Loaded loaded, RunSummary summary) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("config", loaded.file().toString());
        root.put("seed", loaded.config().getSeed());
        root.put("threads", ompThreads());
        root.put("steps", summary.step());
        root.put("wall_seconds", summary.wallSeconds());
        StepStats last = summary.lastStats();
        if (last != null) {
            ObjectNode stats = root.putObject("last_step");
            stats.put("d_loss", last.discriminatorLoss());
            stats.put("g_loss", last.generatorLoss());
            stats.put("d_real", last.meanRealProbability());
            stats.put("d_fake", last.meanFakeProbability());
            stats.put("g_grad_norm", last.generatorGradNorm());
            if (Double.isFinite(last.reconstructionLoss())) {
                stats.put("g_recon", last.reconstructionLoss());
            }
            stats.put("sec_per_step", last.secondsPerStep());
        }
        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Double> e : summary.finalMetrics().entrySet()) {
            metrics.put(e.getKey(), e.getValue());
        }
        try {
            AtomicFiles.writeString(runDir.resolve("summary.json"), json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new RunException("cannot write summary.json in " + runDir + ": " + e.getMessage(), e);
        }
    }
}
