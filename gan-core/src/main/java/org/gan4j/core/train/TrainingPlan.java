package org.gan4j.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import org.gan4j.api.augment.Augmentation;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.config.LatentConfig;

/**
 * Everything the trainer needs, already built from a config, in named parts. Build one with
 * {@link #builder()}; parts left out take the defaults documented on each builder method.
 *
 * @param networks G and D
 * @param inputs what the networks are fed
 * @param objective what the networks minimise
 * @param optimizers who updates which network
 * @param schedule how the updates are arranged in time
 * @param outputs what observes the run
 * @param stabilizers generator averaging and learning-rate schedules
 */
public record TrainingPlan(GanNetworks networks, Inputs inputs, Objective objective, Optimizers optimizers,
        Schedule schedule, Outputs outputs, Stabilizers stabilizers) {

    public TrainingPlan {
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(optimizers, "optimizers");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(stabilizers, "stabilizers");
    }

    /** A plan without stabilizers. */
    public TrainingPlan(GanNetworks networks, Inputs inputs, Objective objective, Optimizers optimizers,
            Schedule schedule, Outputs outputs) {
        this(networks, inputs, objective, optimizers, schedule, outputs, Stabilizers.NONE);
    }

    /**
     * Generator averaging and learning-rate schedules; each null part is off.
     *
     * @param generatorEma the average of G's weights, updated after every G update, or null
     * @param evaluateEma evaluations (metrics, sample grids) use the average rather than the trained G
     * @param generatorLr G's learning-rate multiplier as a function of the generator step, or null (constant)
     * @param discriminatorLr D's multiplier, or null (constant)
     * @param augmentation applied to D's every input in both steps (DiffAugment), or null
     */
    public record Stabilizers(GeneratorEma generatorEma, boolean evaluateEma, LongToDoubleFunction generatorLr,
            LongToDoubleFunction discriminatorLr, Augmentation augmentation) {
        /** Nothing on. */
        public static final Stabilizers NONE = new Stabilizers(null, false, null, null, null);

        /** Without an augmentation. */
        public Stabilizers(GeneratorEma generatorEma, boolean evaluateEma, LongToDoubleFunction generatorLr,
                LongToDoubleFunction discriminatorLr) {
            this(generatorEma, evaluateEma, generatorLr, discriminatorLr, null);
        }

        /** The log columns of the learning rates, when either network follows a schedule. */
        public static final List<String> LR_COLUMNS = List.of("lr_g", "lr_d");

        /** Whether the learning rates are logged (either network follows a schedule). */
        public boolean scheduled() {
            return generatorLr != null || discriminatorLr != null;
        }
    }

    /**
     * What the networks are fed.
     *
     * @param data opened real data
     * @param latent the noise prior
     * @param task the conditional task turning clean batches into (condition, target), or null
     * @param seed the experiment's seed, root of every random stream ({@link StreamSeedsForRun})
     */
    public record Inputs(SampleSource data, LatentConfig latent, ConditionalTask task, long seed) {}

    /**
     * What the networks minimise.
     *
     * @param loss the adversarial loss
     * @param regularizers terms added to D's or G's loss, in config order (names unique)
     */
    public record Objective(AdversarialLoss loss, List<Regularizer> regularizers) {
        public Objective {
            regularizers = List.copyOf(regularizers);
            Set<String> names = new HashSet<>();
            for (Regularizer r : regularizers) {
                if (!names.add(r.name())) {
                    throw new IllegalArgumentException("two regularizers are named '" + r.name()
                            + "'; a run takes each regularizer once");
                }
            }
        }
    }

    /**
     * Who updates which network.
     *
     * @param generator updates G only
     * @param discriminator updates D only
     */
    public record Optimizers(ParameterOptimizer generator, ParameterOptimizer discriminator) {}

    /**
     * How the updates are arranged in time.
     *
     * @param batchSize m
     * @param discriminatorSteps k
     * @param trainGenerator false freezes G
     * @param generatorStart G is updated only from this step on (D-only warm-up before)
     * @param reuseFake the G-step reuses the last D-step's G(z) instead of drawing fresh noise
     * @param logEvery log interval in steps
     * @param evalEvery evaluation interval (0: only at the end)
     */
    public record Schedule(int batchSize, int discriminatorSteps, boolean trainGenerator, long generatorStart,
            boolean reuseFake, int logEvery, long evalEvery) {}

    /**
     * What observes the run.
     *
     * @param runDir where outputs go
     * @param metrics metrics computed at evaluations (opened and closed by the trainer)
     * @param listeners observers of the run
     * @param stepHook called after every step (checkpoints)
     * @param phases observes the phases of each step (a profiler)
     */
    public record Outputs(Path runDir, List<Metric> metrics, List<TrainingListener> listeners, StepHook stepHook,
            StepPhaseObserver phases) {
        public Outputs {
            metrics = List.copyOf(metrics);
            listeners = List.copyOf(listeners);
        }
    }

    /**
     * The plugin parts whose state a checkpoint must hold (regularizers' anchors today), each with a
     * unique {@link StatefulPart#stateSection()}; hand them to the checkpointer.
     */
    public List<StatefulPart> statefulParts() {
        List<StatefulPart> parts = new ArrayList<>(statefulPartsOf(objective.regularizers()));
        if (stabilizers.generatorEma() != null) {
            parts.add(stabilizers.generatorEma());
        }
        return List.copyOf(parts);
    }

    /** The parts among {@code regularizers} that keep state across steps, for the checkpoint store. */
    public static List<StatefulPart> statefulPartsOf(List<Regularizer> regularizers) {
        List<StatefulPart> parts = new ArrayList<>();
        for (Regularizer r : regularizers) {
            if (r instanceof StatefulPart part) {
                parts.add(part);
            }
        }
        return List.copyOf(parts);
    }

    /** The columns plugins add to metrics.csv, in order (each regularizer's, in config order). */
    public List<String> logColumns() {
        List<String> columns = new ArrayList<>();
        for (Regularizer r : objective.regularizers()) {
            columns.addAll(r.logColumns());
        }
        if (stabilizers.scheduled()) {
            columns.addAll(Stabilizers.LR_COLUMNS);
        }
        return List.copyOf(columns);
    }

    /** A builder; networks, data, loss and both optimizers are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Assembles a plan part by part. */
    public static final class Builder {
        private GanNetworks networks;
        private SampleSource data;
        private LatentConfig latent = new LatentConfig();
        private ConditionalTask task;
        private long seed;
        private AdversarialLoss loss;
        private List<Regularizer> regularizers = List.of();
        private ParameterOptimizer generatorOptimizer;
        private ParameterOptimizer discriminatorOptimizer;
        private int batchSize = 64;
        private int discriminatorSteps = 1;
        private boolean trainGenerator = true;
        private long generatorStart;
        private boolean reuseFake;
        private int logEvery = 100;
        private long evalEvery;
        private Path runDir;
        private List<Metric> metrics = List.of();
        private List<TrainingListener> listeners = List.of();
        private StepHook stepHook = StepHook.NONE;
        private StepPhaseObserver phases = StepPhaseObserver.NONE;
        private Stabilizers stabilizers = Stabilizers.NONE;

        private Builder() {}

        /** Generator averaging and learning-rate schedules (default: none). */
        public Builder stabilizers(Stabilizers stabilizers) {
            this.stabilizers = stabilizers;
            return this;
        }

        public Builder networks(GanNetworks networks) {
            this.networks = networks;
            return this;
        }

        /** Real data (required). */
        public Builder data(SampleSource data) {
            this.data = data;
            return this;
        }

        /** The noise prior (default: the config's default prior). */
        public Builder latent(LatentConfig latent) {
            this.latent = latent;
            return this;
        }

        /** The conditional task (default: none, an unconditional GAN). */
        public Builder task(ConditionalTask task) {
            this.task = task;
            return this;
        }

        /** The experiment's seed (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The adversarial loss (required). */
        public Builder loss(AdversarialLoss loss) {
            this.loss = loss;
            return this;
        }

        /** Terms added to D's or G's loss (default: none). */
        public Builder regularizers(List<Regularizer> regularizers) {
            this.regularizers = regularizers;
            return this;
        }

        /** G's and D's optimizers (required). */
        public Builder optimizers(ParameterOptimizer generator, ParameterOptimizer discriminator) {
            this.generatorOptimizer = generator;
            this.discriminatorOptimizer = discriminator;
            return this;
        }

        /** Minibatch size m (default 64). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** D-steps per iteration k (default 1). */
        public Builder discriminatorSteps(int discriminatorSteps) {
            this.discriminatorSteps = discriminatorSteps;
            return this;
        }

        /** Whether G is updated at all (default true). */
        public Builder trainGenerator(boolean trainGenerator) {
            this.trainGenerator = trainGenerator;
            return this;
        }

        /** First step G is updated at (default 0). */
        public Builder generatorStart(long generatorStart) {
            this.generatorStart = generatorStart;
            return this;
        }

        /** Whether the G-step reuses the last D-step's G(z) (default false: fresh noise, Algorithm 1). */
        public Builder reuseFake(boolean reuseFake) {
            this.reuseFake = reuseFake;
            return this;
        }

        /** Log interval in steps (default 100). */
        public Builder logEvery(int logEvery) {
            this.logEvery = logEvery;
            return this;
        }

        /** Evaluation interval in steps (default 0: only at the end). */
        public Builder evalEvery(long evalEvery) {
            this.evalEvery = evalEvery;
            return this;
        }

        /** Where outputs go. */
        public Builder runDir(Path runDir) {
            this.runDir = runDir;
            return this;
        }

        /** Metrics of evaluations (default: none). */
        public Builder metrics(List<Metric> metrics) {
            this.metrics = metrics;
            return this;
        }

        /** Observers of the run (default: none). */
        public Builder listeners(List<TrainingListener> listeners) {
            this.listeners = listeners;
            return this;
        }

        /** Called after every step (default: nothing). */
        public Builder stepHook(StepHook stepHook) {
            this.stepHook = stepHook;
            return this;
        }

        /** Observes each step's phases (default: nothing). */
        public Builder phases(StepPhaseObserver phases) {
            this.phases = phases;
            return this;
        }

        public TrainingPlan build() {
            Objects.requireNonNull(networks, "networks");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(generatorOptimizer, "generator optimizer");
            Objects.requireNonNull(discriminatorOptimizer, "discriminator optimizer");
            return new TrainingPlan(networks,
                    new Inputs(data, latent, task, seed),
                    new Objective(loss, regularizers),
                    new Optimizers(generatorOptimizer, discriminatorOptimizer),
                    new Schedule(batchSize, discriminatorSteps, trainGenerator, generatorStart, reuseFake, logEvery,
                            evalEvery),
                    new Outputs(runDir, metrics, listeners, stepHook, phases), stabilizers);
        }
    }
}
