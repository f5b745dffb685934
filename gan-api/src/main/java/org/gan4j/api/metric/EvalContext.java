package org.gan4j.api.metric;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.SampleSource;

/** What a metric may use: the generator, the discriminator and the data, at one step. */
public interface EvalContext {

    /** The generator step reached. */
    long step();

    /** A manager scoped to this evaluation; arrays created in it are freed afterwards. */
    NDManager manager();

    /**
     * Draws {@code n} samples from G in inference mode, from noise fixed per run (the same z at
     * every evaluation, so results over steps are comparable).
     */
    NDArray generate(int n);

    /**
     * {@code n} real samples from a stream fixed per run (the same at every evaluation), in
     * {@link #manager()}.
     */
    NDArray realSamples(int n);

    /** D's logits for {@code samples} in inference mode, shape (n, 1). */
    NDArray discriminatorLogits(NDArray samples);

    /** The run's real data. */
    SampleSource data();

    /** The experiment's seed. */
    long seed();

    /** The run directory; metrics that draw write their files here. */
    Path outputDir();

    /**
     * {@code n} held-out examples of a conditional run (conditions fixed per run, never trained on
     * when the data has a held-out part) with G's outputs and the task's baseline; empty when the
     * run is unconditional.
     */
    default Optional<ConditionalSamples> conditionalSamples(int n) {
        return Optional.empty();
    }

    /**
     * Hands core the facts of how {@code metric} measured at this step (its feature extractor, sample
     * counts, ...); core writes them into the run's evaluation record ({@code evaluation.json}). A later
     * report for the same metric replaces the earlier one. Contexts that keep no record ignore it.
     */
    default void report(String metric, Map<String, Object> facts) {}

    /**
     * Which generator {@link #generate} and {@link #conditionalSamples} score: {@code raw} (the trained weights);
     * a run that keeps an exponential moving average of G's weights will say {@code ema} here. Metrics record it
     * among their measurement facts, so numbers from the two are never compared as alike.
     */
    default String generatorScored() {
        return "raw";
    }

    /** The facts reported at this evaluation so far, by metric; empty when nothing was reported. */
    default Map<String, Map<String, Object>> reported() {
        return Map.of();
    }
}
