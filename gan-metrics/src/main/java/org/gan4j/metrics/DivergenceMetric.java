package org.gan4j.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.support.ResultKeys;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/**
 * JS(p_data‖p_g) = ½KL(p_data‖M) + ½KL(p_g‖M), M = ½(p_data + p_g); KL(p_data‖p_g) = ∫ p_data log(p_data/p_g);
 * reverse_kl = KL(p_g‖p_data): from histograms of real and generated samples (1-D, 2-D) or, for 1-D data of
 * known density, by integrating p_data against a kernel density estimate of p_g.
 *
 * <p><b>histogram</b> (default): {@code samples} real and {@code samples} generated values are counted on
 * shared bins ({@link Histogram}: rule and bins configurable) and the discrete formulas are applied to the
 * frequencies. Binning biases the estimate down (data-processing inequality; disjoint supports still give
 * log 2 for JS), finite samples bias it up by about (B − 1)/(4n) for JS and (B − 1)/(2n) for KL (B occupied
 * bins, n samples per set); KL adds {@code kl_pseudo_count} to every bin of both histograms to stay finite.
 *
 * <p><b>density</b> (1-D data with a known density): p_g is a Gaussian KDE of the generated samples
 * ({@link Kde}, Silverman bandwidth unless given) and the integrals are taken by Simpson's rule on
 * {@code grid_points} points; its bias is the KDE's (p_g smoothed by N(0, h²), which lowers KL and JS when
 * G is sharper than h). KL is integrated where its first density is above 1e-12 of its peak; it is +∞ only
 * if the other density underflows to 0 there (G's samples more than 37 bandwidths away).
 *
 * <p>Results (in nats, or bits with {@code units: bits}, then named with a {@code _bits} suffix):
 * {@code js}, {@code kl}, {@code reverse_kl} as listed in {@code divergences}, preceded by {@code prefix}.
 * With {@code plot}, {@code <prefix>divergence.png} draws every evaluation so far against the step.
 */
public final class DivergenceMetric implements Metric {
    static final List<String> KINDS = List.of("js", "kl", "reverse_kl");

    @JsonPropertyDescription("real and generated samples to draw (each)")
    private int samples = 2500;

    @JsonPropertyDescription("which divergences: js, kl (data‖generator), reverse_kl (generator‖data)")
    private List<String> divergences = List.of("js", "kl");

    @JsonPropertyDescription("nats or bits")
    private String units = "nats";

    @JsonPropertyDescription("histogram (1-D or 2-D samples) or density (1-D known data density vs a KDE of G)")
    private String estimator = "histogram";

    @JsonPropertyDescription("histogram bin rule: fixed, sqrt, sturges, scott, freedman_diaconis")
    private String binRule = "fixed";

    @JsonPropertyDescription("bins per axis for bin_rule: fixed")
    private int bins = 50;

    @JsonPropertyDescription("[lo, hi] of every histogram axis (default: min..max of both sample sets)")
    private List<Double> range;

    @JsonPropertyDescription("count added to every bin of both histograms for KL (keeps it finite)")
    private double klPseudoCount = 0.5;

    @JsonPropertyDescription("KDE bandwidth for estimator: density (0: Silverman's rule)")
    private double bandwidth = 0;

    @JsonPropertyDescription("integration points for estimator: density")
    private int gridPoints = 2001;

    @JsonPropertyDescription("draw <prefix>divergence.png over the evaluations")
    private boolean plot = true;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    private final List<Double> historySteps = new ArrayList<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws IOException {
        Map<String, Double> nats = estimator.equals("density") ? byDensity(context) : byHistogram(context);
        Map<String, Double> out = new LinkedHashMap<>();
        boolean bits = units.equals("bits");
        for (Map.Entry<String, Double> e : nats.entrySet()) {
            out.put(prefix + e.getKey() + (bits ? "_bits" : ""), bits ? Divergences.toBits(e.getValue()) : e.getValue());
        }
        if (plot) {
            historySteps.add((double) context.step());
            out.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            double[] steps = historySteps.stream().mapToDouble(Double::doubleValue).toArray();
            List<Plots.Line> lines = new ArrayList<>();
            history.forEach((k, v) -> lines.add(new Plots.Line(k, steps,
                    v.stream().mapToDouble(d -> Double.isFinite(d) ? d : Double.NaN).toArray())));
            String title = (estimator.equals("density") ? "KDE" : "histogram") + " divergences, data vs generator";
            Plots.lines(context.outputDir().resolve(prefix.replace('_', '-') + "divergence.png"), title, "step",
                    bits ? "bits" : "nats", null, lines);
        }
        return out;
    }

    private Map<String, Double> byHistogram(EvalContext context) {
        float[] real = context.realSamples(samples).toFloatArray();
        float[] fake = context.generate(samples).toFloatArray();
        int d = real.length / samples;
        if (fake.length != real.length) {
            throw new IllegalStateException("divergence: real samples have " + d + " values, generated ones "
                    + fake.length / samples);
        }
        if (d > 2) {
            throw new IllegalStateException("divergence: the histogram estimator supports 1-D and 2-D samples; "
                    + "these have " + d + " values");
        }
        Histogram.Bins b = Histogram.shared(real, fake, d, binRule, bins,
                range == null ? null : new double[] {range.get(0), range.get(1)});
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : divergences) {
            out.put(kind, switch (kind) {
                case "js" -> Divergences.jsHistogram(real, fake, d, b);
                case "kl" -> Divergences.klHistogram(real, fake, d, b, klPseudoCount);
                case "reverse_kl" -> Divergences.klHistogram(fake, real, d, b, klPseudoCount);
                default -> throw new AssertionError(kind);
            });
        }
        return out;
    }

    private Map<String, Double> byDensity(EvalContext context) {
        GaussianMixture data = context.data().knownMixture().filter(m -> m.dimension() == 1)
                .orElseThrow(() -> new IllegalStateException("divergence: estimator: density needs 1-D data with a "
                        + "known density (a data source that states its mixture); use estimator: histogram"));
        float[] fake = context.generate(samples).toFloatArray();
        if (fake.length != samples) {
            throw new IllegalStateException("divergence: estimator: density needs 1-D generated samples");
        }
        Kde kde = new Kde(fake, bandwidth);
        double[] span = OptimalDiscriminator.support(data, kde);
        DoubleUnaryOperator p = x -> data.density(new double[] {x});
        DoubleUnaryOperator q = kde::density;
        int n = gridPoints - 1;
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : divergences) {
            out.put(kind, switch (kind) {
                case "js" -> Divergences.jsIntegrated(p, q, span[0], span[1], n);
                case "kl" -> klOverMass(p, q, span, n);
                case "reverse_kl" -> klOverMass(q, p, span, n);
                default -> throw new AssertionError(kind);
            });
        }
        return out;
    }

    /**
     * KL(a‖b) integrated where a ≥ 1e-12 of its peak: a's far tail, where b may underflow to 0, holds no
     * measurable mass.
     */
    private static double klOverMass(DoubleUnaryOperator a, DoubleUnaryOperator b, double[] span, int n) {
        double[] x = new double[n + 1];
        double peak = 0;
        for (int i = 0; i <= n; i++) {
            x[i] = span[0] + (span[1] - span[0]) * i / n;
            peak = Math.max(peak, a.applyAsDouble(x[i]));
        }
        int lo = 0;
        int hi = n;
        while (lo < n && a.applyAsDouble(x[lo]) < 1e-12 * peak) {
            lo++;
        }
        while (hi > lo && a.applyAsDouble(x[hi]) < 1e-12 * peak) {
            hi--;
        }
        return hi - lo < 2 ? 0 : Divergences.klIntegrated(a, b, x[lo], x[hi], hi - lo);
    }

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
    }

    public List<String> getDivergences() {
        return divergences;
    }

    public void setDivergences(List<String> divergences) {
        if (divergences == null || divergences.isEmpty()) {
            throw new IllegalArgumentException("must be a non-empty list of " + KINDS);
        }
        divergences.forEach(k -> ConfigChecks.oneOf(k, KINDS));
        if (divergences.stream().distinct().count() != divergences.size()) {
            throw new IllegalArgumentException("lists a divergence twice: " + divergences);
        }
        this.divergences = List.copyOf(divergences);
    }

    public String getUnits() {
        return units;
    }

    public void setUnits(String units) {
        this.units = ConfigChecks.oneOf(units, List.of("nats", "bits"));
    }

    public String getEstimator() {
        return estimator;
    }

    public void setEstimator(String estimator) {
        this.estimator = ConfigChecks.oneOf(estimator, List.of("histogram", "density"));
    }

    public String getBinRule() {
        return binRule;
    }

    public void setBinRule(String binRule) {
        this.binRule = ConfigChecks.oneOf(binRule, Histogram.RULES);
    }

    public int getBins() {
        return bins;
    }

    public void setBins(int bins) {
        this.bins = ConfigChecks.positive(bins);
        if (bins > Histogram.MAX_BINS_PER_AXIS) {
            throw new IllegalArgumentException("must be at most " + Histogram.MAX_BINS_PER_AXIS + ", got " + bins);
        }
    }

    public List<Double> getRange() {
        return range;
    }

    public void setRange(List<Double> range) {
        if (range == null || range.size() != 2 || range.stream().anyMatch(v -> v == null || !Double.isFinite(v))
                || !(range.get(1) > range.get(0))) {
            throw new IllegalArgumentException("must be [lo, hi] with finite lo < hi, got " + range);
        }
        this.range = List.copyOf(range);
    }

    public double getKlPseudoCount() {
        return klPseudoCount;
    }

    public void setKlPseudoCount(double klPseudoCount) {
        this.klPseudoCount = ConfigChecks.inRange(klPseudoCount, 0, 1e6, false);
    }

    public double getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(double bandwidth) {
        this.bandwidth = ConfigChecks.inRange(bandwidth, 0, 1e6, false);
    }

    public int getGridPoints() {
        return gridPoints;
    }

    public void setGridPoints(int gridPoints) {
        if (gridPoints < 3) {
            throw new IllegalArgumentException("must be at least 3, got " + gridPoints);
        }
        this.gridPoints = gridPoints;
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
