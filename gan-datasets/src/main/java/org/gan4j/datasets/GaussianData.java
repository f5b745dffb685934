package org.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;

/** 1-D data p(x) = sum_k w_k N(x; mu_k, sigma_k^2): one Gaussian by default, a mixture if several means. */
public final class GaussianData implements DataSource, Validated {

    @JsonPropertyDescription("component means")
    private List<Double> means = List.of(0.0);

    @JsonPropertyDescription("component standard deviations (one, shared, or one per mean)")
    private List<Double> stds = List.of(1.0);

    @JsonPropertyDescription("mixture weights (default: equal); normalised to sum to 1")
    private List<Double> weights;

    public List<Double> getMeans() {
        return means;
    }

    public void setMeans(List<Double> means) {
        if (means == null || means.isEmpty() || means.stream().anyMatch(m -> m == null || !Double.isFinite(m))) {
            throw new IllegalArgumentException("must be a non-empty list of finite numbers, got " + means);
        }
        this.means = List.copyOf(means);
    }

    public List<Double> getStds() {
        return stds;
    }

    public void setStds(List<Double> stds) {
        if (stds == null || stds.isEmpty() || stds.stream().anyMatch(s -> s == null || !(s > 0) || s.isInfinite())) {
            throw new IllegalArgumentException("must be a non-empty list of finite numbers > 0, got " + stds);
        }
        this.stds = List.copyOf(stds);
    }

    public List<Double> getWeights() {
        return weights;
    }

    public void setWeights(List<Double> weights) {
        if (weights == null || weights.isEmpty() || weights.stream().anyMatch(w -> w == null || !(w >= 0))
                || weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("must be non-negative numbers with a positive sum, got " + weights);
        }
        this.weights = List.copyOf(weights);
    }

    /** The mixture this config describes; throws naming the key when the lists disagree in length. */
    public GaussianMixture mixture() {
        int k = means.size();
        if (stds.size() != 1 && stds.size() != k) {
            throw new IllegalArgumentException(
                    "stds has " + stds.size() + " values; give one shared value or one per mean (" + k + ")");
        }
        if (weights != null && weights.size() != k) {
            throw new IllegalArgumentException(
                    "weights has " + weights.size() + " values; give one per mean (" + k + ")");
        }
        List<double[]> mus = new ArrayList<>();
        double[] sigma = new double[k];
        double[] w = new double[k];
        double total = weights == null ? k : weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < k; i++) {
            mus.add(new double[] {means.get(i)});
            sigma[i] = stds.get(stds.size() == 1 ? 0 : i);
            w[i] = (weights == null ? 1.0 : weights.get(i)) / total;
        }
        return new GaussianMixture(mus, sigma, w);
    }

    @Override
    public void validate() {
        mixture();
    }

    @Override
    public SampleSource open(DataContext context) {
        return new MixtureSamples(mixture());
    }

    @Override
    public java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.of(new ai.djl.ndarray.types.Shape(1));
    }
}
