package org.gan4j.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.StreamSeeds;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.engine.GradientControl;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.train.StepPhaseObserver.StepPhase;

/**
 * The one trainer: Algorithm 1 of Goodfellow et al. Each iteration takes k discriminator steps,
 * each on a fresh real minibatch and fresh noise with G(z) detached, then one generator step whose
 * gradient flows through D but which updates only G. Every array of a step lives in a sub-manager
 * closed at the end of the step, so memory stays flat however long the run.
 *
 * <p>Each D-step sums D's loss and its regularizers' terms and back-propagates the sum once; the G-step
 * does the same for G. Both networks' gradients are zeroed with the engine's zero-grad before each backward,
 * so an engine that accumulates gradients (PyTorch) never applies the G-step's gradients to D (MXNet
 * overwrites them anyway). Metrics are opened when a
 * training session starts and closed when it ends, also when it fails. A {@link StepPhaseObserver} sees the
 * boundaries of every phase (a profiler); the default one does nothing.
 */
public final class GanTrainer {
    private final TrainingPlan plan;
    private final TrainingPlan.Inputs inputs;
    private final TrainingPlan.Objective objective;
    private final TrainingPlan.Schedule schedule;
    private final TrainingPlan.Outputs outputs;
    private final StepPhaseObserver phases;
    private final List<String> logColumns;
    private final GanNetworks nets;
    private final NoiseSampler noise;
    private final StreamSeedsForRun seeds;
    private final Conditioning conditioning;
    private final GanEngine engine;
    private final GradientControl gradients;
    private final Engine djlEngine; // the run's engine: its collectors record the step
    private volatile boolean stopRequested;

    public GanTrainer(TrainingPlan plan) {
        this.plan = plan;
        this.inputs = plan.inputs();
        this.objective = plan.objective();
        this.schedule = plan.schedule();
        this.outputs = plan.outputs();
        this.phases = outputs.phases();
        this.logColumns = plan.logColumns();
        this.nets = plan.networks();
        this.noise = new NoiseSampler(inputs.latent().getDim(), inputs.latent().getDistribution());
        this.seeds = StreamSeedsForRun.of(inputs.seed());
        this.conditioning = new Conditioning(inputs.task());
        this.engine = GanEngines.current();
        this.gradients = engine.gradients();
        this.djlEngine = Engine.getEngine(engine.djlEngineName());
        for (Regularizer r : objective.regularizers()) {
            if (r.needsInputGradient() && !gradients.secondDerivatives()) {
                throw new UnsupportedOperationException(
                        StepRegularizerContext.inputGradientRefusal(r.name(), engine.name()));
            }
        }
    }

    /** Asks the loop to stop after the step in progress (e.g. on SIGINT). */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains from generator step {@code startStep} until {@code targetStep} steps are done.
     *
     * @param manager the manager step-scoped arrays are created under
     * @param threads the engine's thread count, recorded for reproducibility
     */
    public RunSummary train(NDManager manager, long startStep, long targetStep, int threads) {
        RunInfo info = new RunInfo(outputs.runDir(), startStep, targetStep, nets.spec().sampleShape(), inputs.seed(),
                threads, logColumns);
        outputs.listeners().forEach(l -> l.onStart(info));
        List<Metric> opened = new ArrayList<>();
        try {
            for (Metric metric : outputs.metrics()) {
                metric.open(info);
                opened.add(metric);
            }
            return trainOpened(manager, startStep, targetStep);
        } catch (IOException e) {
            throw new UncheckedIOException("a metric cannot be opened: " + e.getMessage(), e);
        } finally {
            closeAll(opened);
        }
    }

    /** Closes every metric even when one fails to close; the first failure is thrown, the others suppressed. */
    private static void closeAll(List<Metric> metrics) {
        RuntimeException failure = null;
        for (Metric metric : metrics) {
            try {
                metric.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private RunSummary trainOpened(NDManager manager, long startStep, long targetStep) {
        long started = System.nanoTime();
        long lastLogTime = started;
        long lastLogStep = startStep;
        StepStats lastStats = null;
        Map<String, Double> lastMetrics = Map.of();
        long step = startStep;
        while (step < targetStep) {
            boolean logging = (step + 1) % schedule.logEvery() == 0 || step + 1 == targetStep;
            StepValues values = new StepValues(logColumns);
            boolean updateGenerator = schedule.trainGenerator() && step >= schedule.generatorStart();
            phases.onIterationStart(step);
            // Arrays that must outlive one D-step (the reused fake batch) live until the iteration ends.
            try (NDManager iteration = manager.newSubManager()) {
                for (int i = 0; i < schedule.discriminatorSteps(); i++) {
                    boolean lastD = i == schedule.discriminatorSteps() - 1;
                    discriminatorStep(iteration, step, i, logging && lastD,
                            updateGenerator && lastD && schedule.reuseFake(), updateGenerator, values);
                }
                if (updateGenerator) {
                    generatorStep(iteration, step, logging, values);
                }
            }
            phases.onIterationEnd(step);
            step++;
            if (logging) {
                long now = System.nanoTime();
                double secondsPerStep = (now - lastLogTime) / 1e9 / Math.max(1, step - lastLogStep);
                lastLogTime = now;
                lastLogStep = step;
                lastStats = values.toStats(step, secondsPerStep);
                checkFinite(lastStats, schedule.discriminatorSteps() > 0);
                StepStats stats = lastStats;
                outputs.listeners().forEach(l -> l.onLog(stats));
            }
            boolean last = step >= targetStep || stopRequested;
            Map<String, Double> evaluation = null;
            if (last || (schedule.evalEvery() > 0 && step % schedule.evalEvery() == 0)) {
                evaluation = evaluate(manager, step);
                lastMetrics = evaluation;
            }
            outputs.stepHook().afterStep(step, evaluation, last);
            if (last) {
                break; // the flag is read once per step, so the last step always gets its hook call
            }
        }
        if (step == startStep) { // nothing to train: still report where the run stands
            lastMetrics = evaluate(manager, step);
        }
        RunSummary summary = new RunSummary(step, (System.nanoTime() - started) / 1e9, lastStats, lastMetrics);
        outputs.listeners().forEach(l -> l.onEnd(summary));
        return summary;
    }

    /** One discriminator update on minibatch {@code i} of iteration {@code step}. */
    private void discriminatorStep(NDManager iteration, long step, int i, boolean record, boolean keepFake,
            boolean generatorUpdated, StepValues values) {
        long index = step * schedule.discriminatorSteps() + i;
        try (NDManager scope = iteration.newSubManager()) {
            // G(z), its recorded graph and its condition attach to their inputs' manager: kept for a G-step reusing them.
            NDManager owner = keepFake ? iteration : scope;
            Batch real = inputs.data().batch(owner, seeds.data(), index, schedule.batchSize());
            ConditionalPair pair = conditioning.pair(owner, real, StreamSeeds.derive(seeds.pairs(), index));
            NDArray z = noise.sample(owner, seeds.discriminatorNoise(), index, schedule.batchSize());
            phases.onPhaseEnd(StepPhase.DATA_AND_NOISE, z);
            StepLossContext context;
            NDArray loss;
            zeroGradients();
            try (GradientCollector collector = djlEngine.newGradientCollector()) {
                NDArray generated = conditioning.compose(pair, nets.generate(z, pair.condition(), true));
                phases.onPhaseEnd(StepPhase.G_FORWARD, generated);
                if (keepFake) { // an unconditional G-step keeps drawing its own real batch when a loss asks for one
                    values.reusable = new Generated(conditioning.conditional() ? pair : null, generated);
                }
                NDArray fake = generated.stopGradient();
                NDArray realLogits = nets.discriminate(pair.target(), pair.condition(), true);
                NDArray fakeLogits = nets.discriminate(fake, pair.condition(), true);
                context = new StepLossContext(Phase.DISCRIMINATOR, step, x -> nets.discriminate(x, pair.condition(), true),
                        pair::target, realLogits, fake, fakeLogits);
                loss = objective.loss().discriminatorLoss(context);
                NDArray total = regularize(Phase.DISCRIMINATOR, index, context, loss, record, values);
                phases.onPhaseEnd(StepPhase.D_FORWARD_AND_LOSS, total);
                // One backward for the summed loss (MXNet overwrites gradients on each backward).
                collector.backward(total);
                phases.onPhaseEnd(StepPhase.D_BACKWARD, total);
            }
            plan.optimizers().discriminator().update(nets.discriminator().getParameters());
            objective.loss().afterDiscriminatorUpdate(nets.discriminator());
            phases.onPhaseEnd(StepPhase.D_UPDATE, loss);
            if (record) {
                values.discriminatorLoss = hostFloat(loss);
                values.meanReal = hostFloat(Activation.sigmoid(context.realLogits()).mean());
                values.meanFake = hostFloat(Activation.sigmoid(context.fakeLogits()).mean());
                if (!generatorUpdated) { // G's loss as it stands, for the log
                    values.generatorLoss = hostFloat(objective.loss().generatorLoss(context));
                }
            }
        }
    }

    /** One generator update; D's gradients written here are zeroed (or overwritten) before D's next backward. */
    private void generatorStep(NDManager parent, long step, boolean record, StepValues values) {
        try (NDManager scope = parent.newSubManager()) {
            NDArray loss;
            NDArray fakeLogits;
            NDArray reconstruction = null;
            long realIndex = step * Math.max(1, schedule.discriminatorSteps()) + schedule.discriminatorSteps();
            zeroGradients();
            try (GradientCollector collector = djlEngine.newGradientCollector()) {
                // Either the last D-step's G(z), whose graph was recorded then, or a fresh draw (Algorithm 1).
                Generated generated = values.reusable != null ? values.reusable : generate(scope, step, realIndex);
                ConditionalPair pair = generated.pair();
                NDArray condition = pair == null ? null : pair.condition();
                fakeLogits = nets.discriminate(generated.output(), condition, true);
                // An unconditional loss that asks for real samples gets a batch past the D-steps' ones.
                Supplier<NDArray> realSamples = pair != null ? pair::target : new LazyRealBatch(scope, realIndex);
                StepLossContext context = new StepLossContext(Phase.GENERATOR, step,
                        x -> nets.discriminate(x, condition, true), realSamples, null,
                        generated.output(), fakeLogits);
                loss = objective.loss().generatorLoss(context);
                if (pair != null) {
                    reconstruction = conditioning.reconstructionLoss(pair, generated.output()).orElse(null);
                    if (reconstruction != null) {
                        loss = loss.add(reconstruction);
                    }
                }
                NDArray total = regularize(Phase.GENERATOR, step, context, loss, record, values);
                phases.onPhaseEnd(StepPhase.G_STEP_FORWARD, total);
                collector.backward(total);
                phases.onPhaseEnd(StepPhase.G_STEP_BACKWARD, total);
            }
            if (record) {
                values.generatorLoss = hostFloat(loss);
                values.reconstructionLoss = reconstruction == null ? Double.NaN : hostFloat(reconstruction);
                values.generatorGradNorm = gradientNorm(scope);
                if (schedule.discriminatorSteps() == 0) {
                    values.meanFake = hostFloat(Activation.sigmoid(fakeLogits).mean());
                }
            }
            plan.optimizers().generator().update(nets.generator().getParameters());
            phases.onPhaseEnd(StepPhase.G_UPDATE, loss);
        }
    }

    /**
     * {@code loss} plus the terms of the regularizers of {@code target} due at update {@code update}, each
     * scaled by its {@code every}; {@code loss} itself when none is due, so a run without regularizers
     * computes exactly what it did before they existed.
     */
    private NDArray regularize(Phase target, long update, StepLossContext context, NDArray loss, boolean record,
            StepValues values) {
        NDArray total = loss;
        for (Regularizer r : objective.regularizers()) {
            if (r.target() != target || update % r.every() != 0) {
                continue;
            }
            StepRegularizerContext rc = new StepRegularizerContext(context, update,
                    seeds.regularizer(r.name(), update), r, record ? values.extras : null,
                    x -> gradients.inputGradient(x, context::discriminate, nets.discriminator().getParameters()));
            NDArray term = r.term(rc);
            if (r.every() > 1) {
                term = term.mul(r.every());
            }
            total = total.add(term);
            if (record) {
                values.extras.put(Regularizer.column(r.name()), (double) hostFloat(term));
            }
        }
        return total;
    }

    /** Clears both networks' gradients before a backward: the engine may accumulate them (PyTorch). */
    private void zeroGradients() {
        gradients.zeroGradients(nets.discriminator().getParameters());
        gradients.zeroGradients(nets.generator().getParameters());
    }

    /**
     * A fresh G(z) for the G-step. A conditional run draws the real batch its conditions come from
     * (past the D-steps' batches); an unconditional one needs none (pair is null).
     */
    private Generated generate(NDManager scope, long step, long realIndex) {
        NDArray z = noise.sample(scope, seeds.generatorNoise(), step, schedule.batchSize());
        if (!conditioning.conditional()) {
            return new Generated(null, nets.generate(z, true));
        }
        Batch real = inputs.data().batch(scope, seeds.generatorStepData(), realIndex, schedule.batchSize());
        ConditionalPair pair = conditioning.pair(scope, real, StreamSeeds.derive(seeds.generatorStepPairs(), realIndex));
        return new Generated(pair, conditioning.compose(pair, nets.generate(z, pair.condition(), true)));
    }

    /** G's composed output and the pair it was generated for (null pair: unconditional, G-step draw). */
    private record Generated(ConditionalPair pair, NDArray output) {}

    /** Real samples for a G-step loss that asks for them, drawn from the data stream past the D-steps. */
    private final class LazyRealBatch implements Supplier<NDArray> {
        private final NDManager scope;
        private final long index;
        private NDArray samples;

        LazyRealBatch(NDManager scope, long index) {
            this.scope = scope;
            this.index = index;
        }

        @Override
        public NDArray get() {
            if (samples == null) {
                samples = inputs.data().batch(scope, seeds.generatorStepData(), index, schedule.batchSize()).samples();
            }
            return samples;
        }
    }

    /** ||∇_θG L_G||_2 over all of G's trainable parameters (read on logged steps only). */
    private double gradientNorm(NDManager scope) {
        NDArray total = scope.zeros(new ai.djl.ndarray.types.Shape());
        for (Pair<String, Parameter> pair : nets.generator().getParameters()) {
            if (pair.getValue().requiresGradient()) {
                NDArray gradient = pair.getValue().getArray().getGradient();
                gradient.attach(scope); // so it and the ops on it are freed with the step
                total = total.add(gradient.square().sum());
            }
        }
        return Math.sqrt(hostFloat(total));
    }

    /**
     * A scalar read to the host as float. On PyTorch a plugin's {@code x.mul(0.5)} makes a float64 scalar
     * (a double scalar promotes a 0-d float32 array); MXNet keeps float32, where this is no conversion at all.
     */
    private static float hostFloat(NDArray scalar) {
        return scalar.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat();
    }

    private static void checkFinite(StepStats s, boolean discriminatorTrained) {
        if (discriminatorTrained && !Double.isFinite(s.discriminatorLoss())) {
            throw new TrainingDivergedException(s.step(), "the discriminator's loss is " + s.discriminatorLoss());
        }
        if (!Double.isFinite(s.generatorLoss())) {
            throw new TrainingDivergedException(s.step(), "the generator's loss is " + s.generatorLoss());
        }
        if (!Double.isFinite(s.generatorGradNorm())) {
            throw new TrainingDivergedException(s.step(), "the generator's gradient norm is " + s.generatorGradNorm());
        }
    }

    /** Runs every metric, then tells the listeners; arrays are freed when it returns. */
    public Map<String, Double> evaluate(NDManager parent, long step) {
        try (NDManager scope = parent.newSubManager()) {
            TrainerEvalContext context = new TrainerEvalContext(step, scope, nets, noise, inputs.data(), conditioning,
                    inputs.seed(), seeds, outputs.runDir());
            Map<String, Double> results = new LinkedHashMap<>();
            for (Metric metric : outputs.metrics()) {
                Map<String, Double> values;
                try {
                    values = metric.evaluate(context);
                } catch (IOException e) {
                    throw new UncheckedIOException("metric " + metric.getClass().getSimpleName() + " failed", e);
                }
                for (Map.Entry<String, Double> e : values.entrySet()) {
                    if (results.put(e.getKey(), e.getValue()) != null) {
                        throw new IllegalStateException("two metrics report '" + e.getKey()
                                + "'; give them distinct result names");
                    }
                }
            }
            for (TrainingListener l : outputs.listeners()) {
                l.onEvaluation(context, results);
            }
            return results;
        }
    }

    /** Host copies of one logged iteration's numbers. */
    private static final class StepValues {
        double discriminatorLoss = Double.NaN;
        double generatorLoss = Double.NaN;
        double meanReal = Double.NaN;
        double meanFake = Double.NaN;
        double generatorGradNorm = 0;
        double reconstructionLoss = Double.NaN;
        final Map<String, Double> extras = new LinkedHashMap<>(); // plugin columns, NaN until a plugin fills them
        Generated reusable; // the last D-step's G(z) with its graph and condition, when the plan reuses it

        StepValues(List<String> columns) {
            columns.forEach(c -> extras.put(c, Double.NaN));
        }

        StepStats toStats(long step, double secondsPerStep) {
            return new StepStats(step, discriminatorLoss, generatorLoss, meanReal, meanFake,
                    generatorGradNorm, secondsPerStep, reconstructionLoss, extras);
        }
    }
}
