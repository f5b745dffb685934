package org.gan4j.api.train;

import java.util.Map;

/**
 * The end of a run.
 *
 * @param step generator steps completed
 * @param wallSeconds time this process spent training
 * @param lastStats the last logged step, or null when none was logged
 * @param finalMetrics the last evaluation's results (empty when none ran)
 */
public record RunSummary(
        long step, double wallSeconds, StepStats lastStats, Map<String, Double> finalMetrics) {}
