package org.gan4j.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
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
            Charts.lines(runDir.resolve("losses.png"), "losses", "loss", List.of(
                    new Line("D loss", steps, history.stream().mapToDouble(StepStats::discriminatorLoss).toArray()),
                    new Line("G loss", steps, history.stream().mapToDouble(StepStats::generatorLoss).toArray())));
            Charts.lines(runDir.resolve("discriminator.png"), "discriminator outputs", "mean probability", List.of(
                    new Line("D(x)", steps, history.stream().mapToDouble(StepStats::meanRealProbability).toArray()),
                    new Line("D(G(z))", steps, history.stream().mapToDouble(StepStats::meanFakeProbability).toArray())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the loss curves", e);
        }
    }
}
