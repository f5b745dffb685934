package org.gan4j.perf;

import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;

/** Collects seconds per step of every logged interval after the warm-up. */
final class StepTimer implements TrainingListener {
    private final long warmup;
    private final List<Double> secondsPerStep = new ArrayList<>();

    StepTimer(long warmup) {
        this.warmup = warmup;
    }

    @Override
    public void onLog(StepStats stats) {
        if (stats.step() > warmup) {
            secondsPerStep.add(stats.secondsPerStep());
        }
    }

    /** Median seconds per step over the measured intervals. */
    double medianSecondsPerStep() {
        if (secondsPerStep.isEmpty()) {
            throw new IllegalStateException("no interval measured after the warm-up");
        }
        List<Double> sorted = secondsPerStep.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    int intervals() {
        return secondsPerStep.size();
    }
}
