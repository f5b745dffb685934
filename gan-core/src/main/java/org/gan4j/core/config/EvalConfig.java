package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.metric.Metric;

/** When and how the generator is evaluated. An evaluation always runs after the last step. */
public final class EvalConfig {

    @JsonPropertyDescription("evaluate every this many steps (0: only at the end)")
    private long every = 0;

    @JsonPropertyDescription("generated samples drawn for plots and metrics")
    private int samples = 2500;

    @JsonPropertyDescription("metrics to compute (each with type: a registered metric)")
    private List<Metric> metrics = new ArrayList<>();

    @JsonPropertyDescription("which generator evaluations and sample grids use when trainer.generator_ema is set: "
            + "ema (the average; the default) or raw (the trained weights)")
    private String generator; // left out: ema; kept null so configs without EMA resolve as before

    public String getGenerator() {
        return generator;
    }

    public void setGenerator(String generator) {
        this.generator = ConfigChecks.oneOf(generator, List.of("ema", "raw"));
    }

    /** Whether evaluations score the EMA generator (when the run keeps one). */
    public boolean usesEmaGenerator() {
        return generator == null || "ema".equals(generator);
    }

    public long getEvery() {
        return every;
    }

    public void setEvery(long every) {
        this.every = ConfigChecks.nonNegative(every);
    }

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
    }

    public List<Metric> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<Metric> metrics) {
        if (metrics == null || metrics.contains(null)) {
            throw new IllegalArgumentException("must be a list of metric sections, each with type:");
        }
        this.metrics = new ArrayList<>(metrics);
    }
}
