package org.gan4j.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.RunSummary;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.checkpoint.Checkpointer;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.config.TrainerConfig;
import org.gan4j.core.run.ConfigOrigin;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunFacts;
import org.gan4j.core.run.RunSummaryFile;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment: opens its run directory, has the {@link RunAssembler} build the parts, trains
 * through {@link DivergenceRecovery}, and records the outcome.
 */
public final class ExperimentRunner {
    /**
     * Name of the resolved config in a run directory.
     *
     * @deprecated use {@link RunDirectory#CONFIG}; kept for gan-bench until it reads runs through
     *     {@link RunDirectory}
     */
    @Deprecated
    public static final String RESOLVED_CONFIG = RunDirectory.CONFIG;
    private static final Logger LOG = LoggerFactory.getLogger("gan.run");

    private final ConfigLoader configLoader;
    private final RunAssembler assembler;

    @Inject
    ExperimentRunner(ConfigLoader configLoader, RunAssembler assembler) {
        this.configLoader = configLoader;
        this.assembler = assembler;
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
        // One engine per process, chosen before DJL's first use (and before the run directory is touched):
        // every manager and collector comes from it.
        GanEngine engine = GanEngines.select(config.getEngine());
        boolean resuming = options.resumeDir() != null;
        RunDirectory run = resuming ? RunDirectory.openForResume(options.resumeDir())
                : RunDirectory.prepare(RunDirectory.choose(options.outDir(), config.getOutput().getDir(),
                        loaded.file()), loaded.file(), options.overwrite());
        ConfigOrigin origin = resuming ? run.originOf(loaded.file()) : ConfigOrigin.of(loaded.file());
        String resolvedYaml = configLoader.toYaml(config);
        TrainerConfig trainer = config.getTrainer();
        Engine.getEngine(engine.djlEngineName()).setRandomSeed((int) (config.getSeed() ^ (config.getSeed() >>> 32)));
        try (NDManager root = NDManager.newBaseManager(engine.djlEngineName());
                SampleSource data = RunAssembler.openData(config, origin)) {
            ModelSpec spec = RunAssembler.modelSpec(config, data);
            RunAssembler.checkBatchFits(trainer, data);
            try (GanNetworks networks = RunAssembler.networks(config, spec, root);
                    ParameterOptimizer gOpt = trainer.getGeneratorOptimizer().create();
                    ParameterOptimizer dOpt = trainer.getDiscriminatorOptimizer().create()) {
                CheckpointStore store = run.checkpoints();
                // Plugin state (a regularizer's anchors) is saved in and restored from sections of its own.
                store.setStatefulParts(TrainingPlan.statefulPartsOf(config.getRegularizers()));
                CheckpointStore.Restored restored = resuming ? restore(store, run.path(), networks, gOpt, dOpt, root) : null;
                long start = restored == null ? 0 : restored.step();
                // Only now, with data, networks and checkpoint in hand, is the directory marked as this run:
                // a start-up failure leaves a retry free, and a failed resume leaves the run's config alone.
                run.writeConfig(resolvedYaml);
                run.writeFacts(facts(origin, spec, config, engine));
                run.markStarted();
                long target = trainer.targetStep(start);
                if (resuming && target <= start) {
                    throw new RunException("the run in " + run.path() + " is already at step " + start
                            + " and trainer.steps is " + target + "; ask for more with --set trainer.steps=N "
                            + "(a total) or --set trainer.more_steps=N");
                }
                Checkpointer checkpointer = new Checkpointer(store, config.getCheckpoint(), resolvedYaml,
                        networks, gOpt, dOpt);
                checkpointer.continueFrom(restored);
                GanTrainer gan = new GanTrainer(RunAssembler.plan(config, data, networks, gOpt, dOpt,
                        assembler.listeners(config, options, run), run, checkpointer));
                DivergenceRecovery recovery = new DivergenceRecovery(trainer, store, networks, gOpt, dOpt);
                // The hook holds the JVM's shutdown until this block has written the summary and said how to resume.
                try (InterruptHook hook = InterruptHook.install(gan::requestStop)) {
                    RunSummary summary = recovery.train(gan, root, start, target, RunEnvironment.ompThreads());
                    run.writeSummary(RunSummaryFile.of(loaded.file().toString(), config.getSeed(),
                            RunEnvironment.ompThreads(), engine.name(), summary));
                    boolean interrupted = summary.step() < target;
                    if (interrupted) {
                        LOG.warn("interrupted at step {} of {}; checkpoint written. Resume with: bin/gan train {} --resume {}",
                                summary.step(), target, loaded.file(), run.path());
                    }
                    return new Result(run.path(), summary, interrupted);
                }
            }
        }
    }

    private static RunFacts facts(ConfigOrigin origin, ModelSpec spec, ExperimentConfig config, GanEngine engine) {
        return new RunFacts(origin.config().toString(), origin.dataBase().toString(), spec.sampleShape().getShape(),
                spec.latentDim(), spec.numClasses(),
                spec.conditionShape() == null ? null : spec.conditionShape().getShape(), config.getSeed(),
                RunEnvironment.ompThreads(), engine.name());
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
}
