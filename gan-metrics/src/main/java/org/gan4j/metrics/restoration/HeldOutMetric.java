package org.gan4j.metrics.restoration;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.support.ResultKeys;

/** What the conditional-run metrics share: how many held-out examples they read and their result prefix. */
abstract class HeldOutMetric implements Metric {

    @JsonPropertyDescription("held-out conditional examples to evaluate on")
    private int samples = 64;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = ResultKeys.prefix(prefix);
    }
}
