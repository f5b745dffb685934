package org.gan4j.api.metric;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.util.Map;
import org.gan4j.api.train.RunInfo;

/**
 * A quality or diagnostic measure computed at evaluation steps, configured under {@code eval:}.
 * Results are named numbers (they go to {@code metrics.csv} and {@code summary.json}); a metric may
 * also write files (plots) into {@link EvalContext#outputDir()}.
 *
 * <p>Lifecycle: the trainer calls {@link #open} once when a training session starts, {@link #evaluate}
 * at evaluation steps, and {@link #close} when the session ends, also when it fails. A metric that holds
 * native memory or files between evaluations (a trained classifier, cached features) frees them in
 * {@code close}; it may be opened again afterwards (a run that rolls back trains a new session), so
 * close must leave it ready to build its resources again. Both default to doing nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Metric extends AutoCloseable {

    /**
     * Called before the first evaluation of a training session.
     *
     * @param run the facts of the run the metric evaluates
     */
    default void open(RunInfo run) throws IOException {}

    /**
     * Computes the metric for the generator as it is now.
     *
     * @return metric names (lower_snake_case, unique across metrics) to values, in report order
     */
    Map<String, Double> evaluate(EvalContext context) throws IOException;

    /**
     * Whether this metric reads D's logits of single samples ({@link EvalContext#discriminatorLogits}). A packed
     * D (PacGAN's {@code trainer.packing} above 1) judges packs of samples, never one alone, so the framework
     * refuses such a metric in a packed run when the config is loaded. False by default.
     */
    default boolean judgesSingleSamples() {
        return false;
    }

    /** Frees what the metric keeps between evaluations; called once per session, also after a failure. */
    @Override
    default void close() {}
}
