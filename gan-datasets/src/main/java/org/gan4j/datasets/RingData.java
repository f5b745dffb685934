package org.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;

/** K equal-weight 2-D Gaussians with means r(cos 2πk/K, sin 2πk/K) and std σ. */
public final class RingData implements DataSource {

    @JsonPropertyDescription("number of modes K")
    private int modes = 8;

    @JsonPropertyDescription("radius r of the circle the means lie on")
    private double radius = 1.0;

    @JsonPropertyDescription("standard deviation σ of every mode")
    private double std = 0.01;

    public int getModes() {
        return modes;
    }

    public void setModes(int modes) {
        this.modes = ConfigChecks.positive(modes);
    }

    public double getRadius() {
        return radius;
    }

    public void setRadius(double radius) {
        this.radius = ConfigChecks.positive(radius);
    }

    public double getStd() {
        return std;
    }

    public void setStd(double std) {
        this.std = ConfigChecks.positive(std);
    }

    public GaussianMixture mixture() {
        List<double[]> means = new ArrayList<>();
        for (int k = 0; k < modes; k++) {
            double angle = 2 * Math.PI * k / modes;
            means.add(new double[] {radius * Math.cos(angle), radius * Math.sin(angle)});
        }
        return GaussianMixture.uniform(means, std);
    }

    @Override
    public SampleSource open(DataContext context) {
        return new MixtureSamples(mixture());
    }

    @Override
    public java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.of(new ai.djl.ndarray.types.Shape(2));
    }
}
