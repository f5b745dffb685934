package org.gan4j.core;

import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.checkpoint.Checkpointer;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.config.LrScheduleConfig;
import org.gan4j.core.config.TrainerConfig;
import org.gan4j.core.output.LossCurveListener;
import org.gan4j.core.output.MetricsCsvListener;
import org.gan4j.core.output.ProgressListener;
import org.gan4j.core.output.SamplePlotListener;
import org.gan4j.core.run.ConfigOrigin;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunRecordListener;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GeneratorEma;
import org.gan4j.core.train.TrainingPlan;

/** Builds the parts of a run from its config: data, model spec, networks, listeners, and the trainer's plan. */
final class RunAssembler {
    private final Set<TrainingListener> pluginListeners;

    @Inject
    RunAssembler(Set<TrainingListener> pluginListeners) {
        this.pluginListeners = pluginListeners;
    }

    /** Opens the data, relative paths resolved against {@code origin}'s folder (named when a path is not found). */
    static SampleSource openData(ExperimentConfig config, ConfigOrigin origin) {
        try {
            return config.getData().open(new DataContext(origin.dataBase(), config.getSeed()));
        } catch (IOException | IllegalArgumentException e) {
            throw new RunException("data: " + e.getMessage() + whereRelativePathsResolve(e, origin), e);
        }
    }

    /** For a file that was not found: which base relative paths were resolved against (a resume may differ). */
    private static String whereRelativePathsResolve(Exception e, ConfigOrigin origin) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        boolean notFound = e instanceof NoSuchFileException || message.contains("no such file")
                || message.contains("not a folder") || message.contains("does not exist");
        return notFound ? "; relative paths resolve against " + origin.dataBase() + ", " + origin.why() : "";
    }

    /**
     * What the networks must fit: the data's shape (D's input packed by trainer.packing), or what the conditional
     * task makes of it.
     */
    static ModelSpec modelSpec(ExperimentConfig config, SampleSource data) {
        if (config.getTask() == null) {
            return ModelSpec.of(data.sampleShape(), config.getLatent().getDim())
                    .withPacking(config.getTrainer().getPacking());
        }
        try {
            return config.getTask().modelSpec(data.sampleShape(), data.numClasses(), config.getLatent().getDim());
        } catch (IllegalArgumentException e) {
            throw new RunException("task: " + e.getMessage(), e);
        }
    }

    static void checkBatchFits(TrainerConfig trainer, SampleSource data) {
        if (data.size() > 0 && trainer.samplesPerBatch() > data.size()) {
            throw new RunException("trainer.batch_size " + trainer.getBatchSize()
                    + (trainer.samplesPerBatch() != trainer.getBatchSize()
                            ? " (" + trainer.samplesPerBatch() + " samples: packs of trainer.packing "
                                    + trainer.getPacking() + ")" : "")
                    + " is larger than the data set (" + data.size() + " samples)");
        }
    }

    static GanNetworks networks(ExperimentConfig config, ModelSpec spec, NDManager root) {
        try {
            return GanNetworks.create(config.getModel(), spec, root);
        } catch (IllegalArgumentException e) {
            throw new RunException("model: " + e.getMessage(), e);
        }
    }

    /** Core's outputs (charts only with {@code output.plots}), the plugins', the caller's, and the run's records last. */
    List<TrainingListener> listeners(ExperimentConfig config, RunOptions options, RunDirectory run) {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new ProgressListener(options.interactive()));
        all.add(new MetricsCsvListener());
        if (config.getOutput().isPlots()) {
            all.add(new LossCurveListener());
            all.add(new SamplePlotListener(config.getEval().getSamples()));
        }
        all.addAll(pluginListeners);
        all.addAll(options.listeners());
        all.add(new RunRecordListener(run)); // after every writer, so it sees the files they wrote
        return all;
    }

    /** The generator average and the learning-rate schedules the trainer section asks for (all off when left out). */
    static TrainingPlan.Stabilizers stabilizers(ExperimentConfig config, GanNetworks networks) {
        TrainerConfig trainer = config.getTrainer();
        GeneratorEma ema = trainer.getGeneratorEma() == null ? null
                : new GeneratorEma(trainer.getGeneratorEma(), networks.generator(), networks.manager());
        if (config.getAugment() != null && config.getTask() != null) {
            throw new RunException("augment: a conditional run (task:) cannot be augmented: T would change the "
                    + "target without its condition; remove augment: or task:");
        }
        return new TrainingPlan.Stabilizers(ema, config.getEval().usesEmaGenerator(),
                schedule(trainer.getGeneratorLrSchedule(), trainer.getSteps()),
                schedule(trainer.getDiscriminatorLrSchedule(), trainer.getSteps()), config.getAugment());
    }

    private static LongToDoubleFunction schedule(LrScheduleConfig schedule, long totalSteps) {
        return schedule == null ? null : step -> schedule.factor(step, totalSteps);
    }

    /** The configured regularizers, then the loss terms the architecture adds for this spec (an auxiliary classifier's). */
    static List<org.gan4j.api.regularizer.Regularizer> withArchitectureTerms(ExperimentConfig config, GanNetworks networks) {
        List<org.gan4j.api.regularizer.Regularizer> all = new ArrayList<>(config.getRegularizers());
        all.addAll(config.getModel().lossTerms(networks.spec()));
        return all;
    }

    /** The trainer's plan; the one place that knows how a plan is constructed. */
    static TrainingPlan plan(ExperimentConfig config, SampleSource data, GanNetworks networks, ParameterOptimizer gOpt,
            ParameterOptimizer dOpt, List<TrainingListener> listeners, RunDirectory run, Checkpointer checkpointer,
            TrainingPlan.Stabilizers stabilizers) {
        TrainerConfig trainer = config.getTrainer();
        return TrainingPlan.builder()
                .networks(networks)
                .data(data).latent(config.getLatent()).task(config.getTask()).seed(config.getSeed())
                .loss(config.getLoss()).regularizers(withArchitectureTerms(config, networks))
                .optimizers(gOpt, dOpt)
                .batchSize(trainer.samplesPerBatch()).discriminatorSteps(trainer.getDiscriminatorSteps())
                .trainGenerator(trainer.isTrainGenerator()).generatorStart(trainer.getGeneratorStart())
                .reuseFake(trainer.isReuseFake()).logEvery(trainer.getLogEvery())
                .evalEvery(config.getEval().getEvery())
                .runDir(run.path()).metrics(config.getEval().getMetrics()).listeners(listeners)
                .stepHook(checkpointer)
                .stabilizers(stabilizers)
                .build();
    }
}
