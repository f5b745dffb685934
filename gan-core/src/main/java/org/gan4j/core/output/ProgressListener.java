package org.gan4j.core.output;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress bar with ETA on an interactive terminal; plain log lines otherwise. */
public final class ProgressListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger("gan.train");
    private final boolean interactive;
    private ProgressBar bar;
    private long target;
    private long start;

    /** @param interactive draw a bar (true only when stdout is a terminal) */
    public ProgressListener(boolean interactive) {
        this.interactive = interactive;
    }

    @Override
    public void onStart(RunInfo run) {
        target = run.targetStep();
        start = run.startStep();
        LOG.info("training steps {}..{} in {} (seed {}, {} threads)", run.startStep(), run.targetStep(),
                run.runDir(), run.seed(), run.threads() > 0 ? run.threads() : "default");
        if (bar != null) {
            bar.close();
        }
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(target).startsFrom(start, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
        }
    }

    @Override
    public void onLog(StepStats s) {
        String text = String.format("D %.4f G %.4f D(x) %.3f D(G(z)) %.3f |gradG| %.3g",
                s.discriminatorLoss(), s.generatorLoss(), s.meanRealProbability(), s.meanFakeProbability(),
                s.generatorGradNorm());
        if (bar != null) {
            bar.stepTo(s.step());
            bar.setExtraMessage(text);
        } else {
            double eta = (target - s.step()) * s.secondsPerStep();
            LOG.info("step {}/{} {} {} ms/step ETA {}", s.step(), target, text,
                    String.format("%.2f", s.secondsPerStep() * 1000), formatSeconds(eta));
        }
    }

    @Override
    public void onEnd(RunSummary summary) {
        if (bar != null) {
            bar.stepTo(summary.step());
            bar.close();
        }
        LOG.info("finished {} steps in {}", summary.step() - start, formatSeconds(summary.wallSeconds()));
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
