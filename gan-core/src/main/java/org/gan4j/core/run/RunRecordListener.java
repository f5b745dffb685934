package org.gan4j.core.run;

import java.util.Map;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.TrainingListener;

/**
 * Keeps the run directory's own records current during training: the evaluation record after each
 * evaluation, and the marker's list of files the run wrote (so {@code --overwrite} can remove them).
 */
public final class RunRecordListener implements TrainingListener {
    private final RunDirectory run;

    public RunRecordListener(RunDirectory run) {
        this.run = run;
    }

    @Override
    public void onEvaluation(EvalContext context, Map<String, Double> results) {
        if (!results.isEmpty() || !context.reported().isEmpty()) {
            run.writeEvaluation(new EvaluationRecord(context.step(), results, context.reported()));
        }
        run.recordOutputs();
    }

    @Override
    public void onEnd(RunSummary summary) {
        run.recordOutputs();
    }
}
