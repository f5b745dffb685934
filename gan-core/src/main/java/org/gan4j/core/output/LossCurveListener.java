package org.gan4j.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.output.Charts.Line;

/** {@code losses.png} (D and G losses) and {@code discriminator.png} (mean D(x), D(G(z))) at the end. */
public final class LossCurveListener implements TrainingListener {
    private final List<StepStats> history = new ArrayList<>();
    private Path runDir;

    @Override
    public void onStart(RunInfo run) {
        runDir = run.runDir();
        history.clear();
        Charts.warmUp();
        Path csv = runDir.resolve("metrics.csv");
        if (run.resumed() && Files.exists(csv)) {
            try { // the curves cover the whole run, not just this process's part
                for (String[] r : CsvLog.rows(csv)) {
                    if (Long.parseLong(r[0]) <= run.startStep()) {
                        history.add(new StepStats(Long.parseLong(r[0]), parse(r[1]), parse(r[2]), parse(r[3]),
                                parse(r[4]), parse(r[5]), parse(r[r.length - 1]),
                                r.length > 7 ? parse(r[6]) : Double.NaN)); // sec_per_step is the last column
                    }
                }
            } catch (IOException | RuntimeException e) {
                history.clear(); // an unreadable log only shortens the curves
            }
        }
    }

    private static double parse(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    @Override
    public void onLog(StepStats stats) {
        history.add(stats);
    }

    @Override
    public void onEnd(RunSummary summary) {
        if (history.isEmpty()) {
            return;
        }
        double[] steps = history.stream().mapToDouble(StepStats::step).toArray();
        try {
            List<Line> losses = new java.util.ArrayList<>(List.of(
                    new Line("D loss", steps, history.stream().mapToDouble(StepStats::discriminatorLoss).toArray()),
                    new Line("G loss", steps, history.stream().mapToDouble(StepStats::generatorLoss).toArray())));
            double[] reconstruction = history.stream().mapToDouble(StepStats::reconstructionLoss).toArray();
            if (java.util.Arrays.stream(reconstruction).anyMatch(Double::isFinite)) { // a conditional task's term
                losses.add(new Line("G's reconstruction term (in G loss)", steps, reconstruction));
            }
            Charts.lines(runDir.resolve("losses.png"), "losses", "loss", losses);
            Charts.lines(runDir.resolve("discriminator.png"), "discriminator outputs", "mean probability", List.of(
                    new Line("D(x)", steps, history.stream().mapToDouble(StepStats::meanRealProbability).toArray()),
                    new Line("D(G(z))", steps, history.stream().mapToDouble(StepStats::meanFakeProbability).toArray())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the loss curves", e);
        }
    }
}
