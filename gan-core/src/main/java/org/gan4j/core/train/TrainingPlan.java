package org.gan4j.core.train;

import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.config.LatentConfig;

/**
 * Everything the trainer needs, already built from a config.
 *
 * @param networks G and D
 * @param loss the adversarial loss
 * @param data opened real data
 * @param latent the noise prior
 * @param generatorOptimizer updates G only
 * @param discriminatorOptimizer updates D only
 * @param batchSize m
 * @param discriminatorSteps k
 * @param trainGenerator false freezes G
 * @param generatorStart G is updated only from this step on (D-only warm-up before)
 * @param logEvery log interval in steps
 * @param evalEvery evaluation interval (0: only at the end)
 * @param metrics metrics computed at evaluations
 * @param listeners observers of the run
 * @param seed the experiment's seed
 * @param runDir where outputs go
 * @param stepHook called after every step (checkpoints)
 * @param reuseFake the G-step reuses the last D-step's G(z) instead of drawing fresh noise
 * @param task the conditional task turning clean batches into (condition, target), or null
 */
public record TrainingPlan(
        GanNetworks networks,
        AdversarialLoss loss,
        SampleSource data,
        LatentConfig latent,
        ParameterOptimizer generatorOptimizer,
        ParameterOptimizer discriminatorOptimizer,
        int batchSize,
        int discriminatorSteps,
        boolean trainGenerator,
        long generatorStart,
        int logEvery,
        long evalEvery,
        List<Metric> metrics,
        List<TrainingListener> listeners,
        long seed,
        Path runDir,
        StepHook stepHook,
        boolean reuseFake,
        ConditionalTask task) {

    /** An unconditional plan. */
    public TrainingPlan(GanNetworks networks, AdversarialLoss loss, SampleSource data, LatentConfig latent,
            ParameterOptimizer generatorOptimizer, ParameterOptimizer discriminatorOptimizer, int batchSize,
            int discriminatorSteps, boolean trainGenerator, long generatorStart, int logEvery, long evalEvery,
            List<Metric> metrics, List<TrainingListener> listeners, long seed, Path runDir, StepHook stepHook,
            boolean reuseFake) {
        this(networks, loss, data, latent, generatorOptimizer, discriminatorOptimizer, batchSize, discriminatorSteps,
                trainGenerator, generatorStart, logEvery, evalEvery, metrics, listeners, seed, runDir, stepHook,
                reuseFake, null);
    }

    /** A plan that follows Algorithm 1 exactly: fresh noise for the G-step. */
    public TrainingPlan(GanNetworks networks, AdversarialLoss loss, SampleSource data, LatentConfig latent,
            ParameterOptimizer generatorOptimizer, ParameterOptimizer discriminatorOptimizer, int batchSize,
            int discriminatorSteps, boolean trainGenerator, long generatorStart, int logEvery, long evalEvery,
            List<Metric> metrics, List<TrainingListener> listeners, long seed, Path runDir, StepHook stepHook) {
        this(networks, loss, data, latent, generatorOptimizer, discriminatorOptimizer, batchSize, discriminatorSteps,
                trainGenerator, generatorStart, logEvery, evalEvery, metrics, listeners, seed, runDir, stepHook, false);
    }
}
