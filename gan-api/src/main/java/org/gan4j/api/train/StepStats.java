package org.gan4j.api.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers logged at one step (values of the last D-step and the G-step of that iteration).
 *
 * @param step generator steps completed
 * @param discriminatorLoss D's loss
 * @param generatorLoss G's loss
 * @param meanRealProbability mean D(x) over the real minibatch
 * @param meanFakeProbability mean D(G(z)) over the generated minibatch
 * @param generatorGradNorm L2 norm of the gradient of G's loss over all of G's parameters
 * @param secondsPerStep mean wall time of one iteration (k D-steps + 1 G-step) since the last log
 * @param reconstructionLoss the conditional task's weighted reconstruction term inside G's loss, NaN
 *     when the run has none
 * @param extras values of the columns plugins declared in {@link RunInfo#logColumns()} (a
 *     regularizer's term, a learning rate), by column name in declaration order; empty when none
 */
public record StepStats(
        long step,
        double discriminatorLoss,
        double generatorLoss,
        double meanRealProbability,
        double meanFakeProbability,
        double generatorGradNorm,
        double secondsPerStep,
        double reconstructionLoss,
        Map<String, Double> extras) {

    public StepStats {
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** Stats without plugin columns. */
    public StepStats(long step, double discriminatorLoss, double generatorLoss, double meanRealProbability,
            double meanFakeProbability, double generatorGradNorm, double secondsPerStep, double reconstructionLoss) {
        this(step, discriminatorLoss, generatorLoss, meanRealProbability, meanFakeProbability, generatorGradNorm,
                secondsPerStep, reconstructionLoss, Map.of());
    }

    /** Stats of a run without a reconstruction term. */
    public StepStats(long step, double discriminatorLoss, double generatorLoss, double meanRealProbability,
            double meanFakeProbability, double generatorGradNorm, double secondsPerStep) {
        this(step, discriminatorLoss, generatorLoss, meanRealProbability, meanFakeProbability, generatorGradNorm,
                secondsPerStep, Double.NaN);
    }

    /** Whether every number is finite. */
    public boolean finite() {
        return Double.isFinite(discriminatorLoss)
                && Double.isFinite(generatorLoss)
                && Double.isFinite(generatorGradNorm);
    }
}
