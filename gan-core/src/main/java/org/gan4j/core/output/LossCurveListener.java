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
import org.gan4j.core.run.CsvTable;
import org.gan4j.core.run.MetricsCsv;
import org.gan4j.core.run.RunDirectory;

/** {@code losses.png} (D and G losses) and {@code discriminator.png} (mean D(x), D(G(z))) at the end. */
public final class LossCurveListener implements TrainingListener {
    private final List<StepStats> history = new ArrayList<>();
    private Path runDir;

    @Override
    public void onStart(RunInfo run) {
        runDir = run.runDir();
        history.clear();
        Charts.warmUp();
        Path csv = runDir.resolve(RunDirectory.METRICS);
        if (run.resumed() && Files.exists(csv)) {
            try { // the curves cover the whole run, not just this process's part
                CsvTable table = CsvTable.read(csv);
                double[] step = table.column(MetricsCsv.STEP);
                double[] dLoss = table.column(MetricsCsv.D_LOSS);
                double[] gLoss = table.column(MetricsCsv.G_LOSS);
                double[] dReal = table.column(MetricsCsv.D_REAL);
                double[] dFake = table.column(MetricsCsv.D_FAKE);
                double[] gradNorm = table.column(MetricsCsv.G_GRAD_NORM);
                double[] secPerStep = table.column(MetricsCsv.SEC_PER_STEP);
                double[] recon = table.numbers(MetricsCsv.G_RECON).orElse(new double[step.length]);
                if (!table.has(MetricsCsv.G_RECON)) {
                    java.util.Arrays.fill(recon, Double.NaN); // a log written before the column existed
                }
                for (int i = 0; i < step.length; i++) {
                    if ((long) step[i] <= run.startStep()) {
                        history.add(new StepStats((long) step[i], dLoss[i], gLoss[i], dReal[i], dFake[i], gradNorm[i],
                                secPerStep[i], recon[i]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                history.clear(); // an unreadable log only shortens the curves
            }
        }
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
            Charts.lines(runDir.resolve(RunDirectory.LOSSES_CHART), "losses", "loss", losses);
            Charts.lines(runDir.resolve(RunDirectory.DISCRIMINATOR_CHART), "discriminator outputs", "mean probability", List.of(
                    new Line("D(x)", steps, history.stream().mapToDouble(StepStats::meanRealProbability).toArray()),
                    new Line("D(G(z))", steps, history.stream().mapToDouble(StepStats::meanFakeProbability).toArray())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the loss curves", e);
        }
    }
}
