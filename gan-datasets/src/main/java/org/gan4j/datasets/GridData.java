package org.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;

/** n×n equal-weight 2-D Gaussians on a square lattice centred on 0 with the given spacing and std σ. */
public final class GridData implements DataSource {

    @JsonPropertyDescription("modes per side n (n×n modes in all)")
    private int size = 5;

    @JsonPropertyDescription("distance between neighbouring means")
    private double spacing = 2.0;

    @JsonPropertyDescription("standard deviation σ of every mode")
    private double std = 0.05;

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = ConfigChecks.positive(size);
    }

    public double getSpacing() {
        return spacing;
    }

    public void setSpacing(double spacing) {
        this.spacing = ConfigChecks.positive(spacing);
    }

    public double getStd() {
        return std;
    }

    public void setStd(double std) {
        this.std = ConfigChecks.positive(std);
    }

    public GaussianMixture mixture() {
        List<double[]> means = new ArrayList<>();
        double offset = (size - 1) / 2.0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                means.add(new double[] {(i - offset) * spacing, (j - offset) * spacing});
            }
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
