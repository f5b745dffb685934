package org.gan4j.core.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.run.MetricsCsv;
import org.gan4j.core.run.RunDirectory;

/**
 * {@code metrics.csv}: one row per logged step (losses, mean D outputs, G's gradient norm, speed, then the
 * columns plugins declared; see {@link MetricsCsv});
 * {@code eval.csv}: one row per evaluation with every metric's results.
 */
public final class MetricsCsvListener implements TrainingListener {
    private CsvLog steps;
    private CsvLog evals;
    private List<String> evalColumns;
    private RunInfo run;

    @Override
    public void onStart(RunInfo run) {
        closeLogs(); // a rollback starts the run again from a checkpoint
        this.run = run;
        steps = new CsvLog(run.runDir().resolve(RunDirectory.METRICS), MetricsCsv.header(run.logColumns()),
                run.resumed() ? run.startStep() : -1);
    }

    @Override
    public void onLog(StepStats s) {
        steps.row(MetricsCsv.row(s, run.logColumns()));
    }

    @Override
    public void onEvaluation(EvalContext context, Map<String, Double> results) {
        if (results.isEmpty()) {
            return;
        }
        if (evals == null) {
            evalColumns = new ArrayList<>(results.keySet());
            List<String> header = new ArrayList<>(List.of("step"));
            header.addAll(evalColumns);
            evals = new CsvLog(run.runDir().resolve(RunDirectory.EVALS), header, run.resumed() ? run.startStep() : -1);
        }
        List<Object> row = new ArrayList<>(List.of(context.step()));
        evalColumns.forEach(c -> row.add(results.get(c)));
        evals.row(row);
    }

    @Override
    public void onEnd(RunSummary summary) {
        closeLogs();
    }

    private void closeLogs() {
        if (steps != null) {
            steps.close();
            steps = null;
        }
        if (evals != null) {
            evals.close();
            evals = null;
        }
    }
}
