package org.gan4j.library;

import java.nio.file.Path;
import java.util.Map;
import org.gan4j.api.train.RunSummary;

/**
 * The outcome of {@link Experiment#train()}.
 *
 * @param runDir the run directory (metrics.csv, summary.json, checkpoints, samples)
 * @param summary where training stopped, the last logged step and the last evaluation's results
 * @param interrupted whether a cancel (or SIGINT) stopped the run before its step target; a checkpoint
 *     was written and the run can be resumed
 */
public record TrainingResult(Path runDir, RunSummary summary, boolean interrupted) {

    /** Generator steps completed. */
    public long step() {
        return summary.step();
    }

    /** The last evaluation's metric values by name (empty when no evaluation ran). */
    public Map<String, Double> metrics() {
        return summary.finalMetrics() == null ? Map.of() : summary.finalMetrics();
    }
}
