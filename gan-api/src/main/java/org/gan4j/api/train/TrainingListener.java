package org.gan4j.api.train;

import java.util.Map;
import org.gan4j.api.metric.EvalContext;

/**
 * Observes a training run: logging, progress, plots, early stopping decisions. Every method has a
 * no-op default so a listener overrides only what it needs.
 */
public interface TrainingListener {

    /** Before the first step of this process (also after a resume). */
    default void onStart(RunInfo run) {}

    /** At every logged step. */
    default void onLog(StepStats stats) {}

    /** After the metrics of an evaluation; the context can still draw from G. */
    default void onEvaluation(EvalContext context, Map<String, Double> results) {}

    /** After the last step. */
    default void onEnd(RunSummary summary) {}
}
