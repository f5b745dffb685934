package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;

/** {@code trainer.generator_ema}: an exponential moving average of G's weights (see {@code GeneratorEma}). */
public final class GeneratorEmaConfig {

    @JsonPropertyDescription("β: weight of the old average at each update, in (0, 1)")
    private double decay = 0.999;

    @JsonPropertyDescription("the average copies G's weights until this step, and averages from it on")
    private long start = 1000;

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("must be in (0, 1) (0.999 is usual), got " + decay);
        }
        this.decay = decay;
    }

    public long getStart() {
        return start;
    }

    public void setStart(long start) {
        this.start = ConfigChecks.nonNegative(start);
    }
}
