package org.gan4j.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.support.ResultKeys;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/**
 * Mode coverage (VEEGAN/PacGAN): x is high quality iff min_k ‖x − μ_k‖/σ_k &lt; t; mode k is captured iff ≥ c
 * high-quality samples are nearest to it; mode_reverse_kl = log K − H(q) for the mode histogram q.
 *
 * <p>Results: {@code modes_captured}, {@code high_quality_fraction}, {@code mode_reverse_kl} (nats; NaN, an empty
 * cell in eval.csv, when no sample is high quality) and, with {@code per_mode_counts}, {@code mode_<k>_count}
 * for every mode k (in the order of the data's means), each name preceded by {@code prefix}. The modes are the
 * data's known mixture ({@code ring}, {@code grid}, {@code gaussian}) unless {@code means}/{@code stds} are
 * given. With {@code plot}, {@code mixture-modes.png} (and {@code mixture-modes-stepNNNNNN.png}) shows the
 * generated samples coloured by nearest mode, low-quality ones grey.
 */
public final class MixtureQualityMetric implements Metric {

    @JsonPropertyDescription("generated samples to draw (VEEGAN/PacGAN: 2500)")
    private int samples = 2500;

    @JsonPropertyDescription("t: a sample is high quality when its distance to the nearest mode is below t stds")
    private double qualityThreshold = 3.0;

    @JsonPropertyDescription("c: high-quality samples a mode needs to count as captured")
    private int minCount = 1;

    @JsonPropertyDescription("report mode_<k>_count for every mode")
    private boolean perModeCounts = true;

    @JsonPropertyDescription("mode means (each a list of d numbers); default: the data's known mixture")
    private List<List<Double>> means;

    @JsonPropertyDescription("mode stds (one shared or one per mean); only with means")
    private List<Double> stds;

    @JsonPropertyDescription("draw mixture-modes.png (samples coloured by nearest mode)")
    private boolean plot = true;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws IOException {
        GaussianMixture mixture = mixture(context);
        float[] x = context.generate(samples).toFloatArray();
        if (x.length != samples * mixture.dimension()) {
            throw new IllegalStateException("mixture-quality: the modes have " + mixture.dimension()
                    + " coordinates but a generated sample has " + (x.length / samples));
        }
        MixtureQuality.Result r = MixtureQuality.evaluate(x, mixture, qualityThreshold, minCount);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "modes_captured", (double) r.modesCaptured());
        out.put(prefix + "high_quality_fraction", r.highQualityFraction());
        out.put(prefix + "mode_reverse_kl", r.reverseKl());
        if (perModeCounts) {
            for (int k = 0; k < r.modeCounts().length; k++) {
                out.put(prefix + "mode_" + k + "_count", (double) r.modeCounts()[k]);
            }
        }
        int d = mixture.dimension();
        if (plot && d <= 2) {
            int[] category = new int[r.nearestMode().length];
            for (int i = 0; i < category.length; i++) {
                category[i] = r.highQuality()[i] ? r.nearestMode()[i] : -1;
            }
            double[][] centres = mixture.means().toArray(new double[0][]);
            String title = String.format("%d/%d modes, %.1f%% high quality, step %d", r.modesCaptured(),
                    mixture.components(), 100 * r.highQualityFraction(), context.step());
            Plots.saveWithLatest(context.outputDir(), prefix.replace('_', '-') + "mixture-modes", context.step(),
                    file -> Plots.categories(file, title, x, d, category, mixture.components(), centres));
        }
        return out;
    }

    private GaussianMixture mixture(EvalContext context) {
        if (means == null) {
            return context.data().knownMixture().orElseThrow(() -> new IllegalStateException(
                    "mixture-quality needs the modes: the data source has no known mixture, so give means: and "
                            + "stds: in the metric's section"));
        }
        if (stds == null || (stds.size() != 1 && stds.size() != means.size())) {
            throw new IllegalStateException("mixture-quality: with means give stds: one shared value or one per "
                    + "mean (" + means.size() + ")");
        }
        List<double[]> mus = new ArrayList<>();
        for (List<Double> m : means) {
            mus.add(m.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] s = new double[means.size()];
        double[] w = new double[means.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = stds.get(stds.size() == 1 ? 0 : k);
            w[k] = 1.0 / s.length;
        }
        return new GaussianMixture(mus, s, w);
    }

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
    }

    public double getQualityThreshold() {
        return qualityThreshold;
    }

    public void setQualityThreshold(double qualityThreshold) {
        this.qualityThreshold = ConfigChecks.positive(qualityThreshold);
    }

    public int getMinCount() {
        return minCount;
    }

    public void setMinCount(int minCount) {
        this.minCount = ConfigChecks.positive(minCount);
    }

    public boolean isPerModeCounts() {
        return perModeCounts;
    }

    public void setPerModeCounts(boolean perModeCounts) {
        this.perModeCounts = perModeCounts;
    }

    public List<List<Double>> getMeans() {
        return means;
    }

    public void setMeans(List<List<Double>> means) {
        if (means == null || means.isEmpty()) {
            throw new IllegalArgumentException("must be a non-empty list of points, e.g. [[0, 1], [1, 0]]");
        }
        int d = means.get(0) == null ? 0 : means.get(0).size();
        for (List<Double> m : means) {
            if (m == null || m.isEmpty() || m.size() != d || m.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                throw new IllegalArgumentException(
                        "must be points of the same dimension with finite coordinates, got " + means);
            }
        }
        this.means = means.stream().map(List::copyOf).toList();
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

    public boolean isPlot() {
        return plot;
    }

    public void setPlot(boolean plot) {
        this.plot = plot;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = ResultKeys.prefix(prefix);
    }
}
