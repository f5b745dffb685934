package org.gan4j.losses;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;

/** The options the cross-entropy losses share: one-sided label smoothing of D's real target. */
public abstract class SmoothedCrossEntropyConfig {

    @JsonPropertyDescription("D's target for real samples (one-sided label smoothing, e.g. 0.9); 1.0 = none."
            + " Fake targets stay 0")
    private double realLabel = 1.0;

    public double getRealLabel() {
        return realLabel;
    }

    public void setRealLabel(double realLabel) {
        this.realLabel = ConfigChecks.inRange(realLabel, 0.5, 1.0, false);
    }
}
