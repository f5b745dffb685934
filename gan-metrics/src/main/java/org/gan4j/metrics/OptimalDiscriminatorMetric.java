package org.gan4j.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
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
 * Optimal-discriminator check (1-D): |D(x) − D*(x)| with D*(x) = p_data/(p_data + p_g) on a grid, and V(G, D)
 * against V(G, D*) = 2·JS(p_data‖p_g) − 2 log 2, with p_g a Gaussian KDE of G's samples.
 *
 * <p>p_data is the data's known density (1-D {@code gaussian} data). p_g is estimated from {@code samples}
 * generated values ({@link Kde}; Silverman bandwidth unless {@code bandwidth} is given), so D* inherits the KDE's
 * smoothing. D = sigmoid(logit) is evaluated on {@code grid_points} points over the interval where either
 * density exceeds 1e-3 of its peak; the errors are taken over the region where p_data ≥ τ·max p_data or
 * p_g ≥ τ·max p_g (τ = {@code region_threshold}).
 *
 * <p>Results (each preceded by {@code prefix}): {@code d_star_max_error} = max |D − D*| and
 * {@code d_star_mean_error} = mean |D − D*| over the region's grid points; {@code value_d} = Monte Carlo
 * V(G, D) = mean log D(x) + mean log(1 − D(G(z))) on {@code samples} real and generated samples;
 * {@code value_d_star} = 2·JS − 2 log 2 with JS integrated (Simpson, 2001 points) between p_data and the KDE;
 * {@code js_kde} = that JS in nats. V(G, D) ≤ V(G, D*) up to sampling error; the gap shrinks as D nears D*.
 * With {@code plot}, {@code <prefix>optimal-d.png} (and {@code -stepNNNNNN.png}) draws D, D* and the two
 * densities (scaled to peak 1).
 */
public final class OptimalDiscriminatorMetric implements Metric {

    @JsonPropertyDescription("generated samples for the KDE of p_g and real/generated samples for V(G, D)")
    private int samples = 2500;

    @JsonPropertyDescription("grid points D and D* are compared on")
    private int gridPoints = 401;

    @JsonPropertyDescription("τ: compare where p_data ≥ τ·max p_data or p_g ≥ τ·max p_g")
    private double regionThreshold = 0.05;

    @JsonPropertyDescription("KDE bandwidth of p_g (0: Silverman's rule)")
    private double bandwidth = 0;

    @JsonPropertyDescription("draw <prefix>optimal-d.png (D and D* on one chart)")
    private boolean plot = true;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    /** D's logit of each single sample is what this metric measures: a packed D has none. */
    @Override
    public boolean judgesSingleSamples() {
        return true;
    }

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws IOException {
        GaussianMixture data = context.data().knownMixture().filter(m -> m.dimension() == 1)
                .orElseThrow(() -> new IllegalStateException("optimal-discriminator needs 1-D data with a known "
                        + "density (a data source that states its mixture)"));
        float[] fake = context.generate(samples).toFloatArray();
        if (fake.length != samples) {
            throw new IllegalStateException("optimal-discriminator needs 1-D generated samples");
        }
        Kde kde = new Kde(fake, bandwidth);
        double[] range = OptimalDiscriminator.visibleRange(data, kde);
        double[] x = new double[gridPoints];
        float[] grid = new float[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            x[i] = range[0] + (range[1] - range[0]) * i / (gridPoints - 1);
            grid[i] = (float) x[i];
        }
        NDArray gridArray = context.manager().create(grid, new Shape(gridPoints, 1));
        float[] gridLogits = context.discriminatorLogits(gridArray).toFloatArray();
        double[] d = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            d[i] = 1 / (1 + Math.exp(-gridLogits[i]));
        }
        OptimalDiscriminator.Comparison c = OptimalDiscriminator.compare(x, d, data, kde, regionThreshold);

        float[] realLogits = context.discriminatorLogits(context.realSamples(samples)).toFloatArray();
        float[] fakeLogits = context.discriminatorLogits(context.generate(samples)).toFloatArray();
        double valueD = OptimalDiscriminator.value(realLogits, fakeLogits);
        double[] span = OptimalDiscriminator.support(data, kde);
        double js = Divergences.jsIntegrated(v -> data.density(new double[] {v}), kde::density, span[0], span[1],
                2000);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "d_star_max_error", c.maxError());
        out.put(prefix + "d_star_mean_error", c.meanError());
        out.put(prefix + "value_d", valueD);
        out.put(prefix + "value_d_star", 2 * js - 2 * Divergences.LOG2);
        out.put(prefix + "js_kde", js);
        if (plot) {
            draw(context, c);
        }
        return out;
    }

    private void draw(EvalContext context, OptimalDiscriminator.Comparison c) throws IOException {
        double maxP = 0;
        double maxQ = 0;
        for (int i = 0; i < c.x().length; i++) {
            maxP = Math.max(maxP, c.pData()[i]);
            maxQ = Math.max(maxQ, c.pG()[i]);
        }
        double[] p = new double[c.x().length];
        double[] q = new double[c.x().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.pData()[i] / maxP;
            q[i] = maxQ > 0 ? c.pG()[i] / maxQ : 0;
        }
        List<Plots.Line> lines = new ArrayList<>();
        lines.add(new Plots.Line("D(x) trained", c.x(), c.d()));
        lines.add(new Plots.Line("D*(x) = p_data/(p_data+p_g)", c.x(), c.dStar()));
        lines.add(new Plots.Line("p_data (scaled)", c.x(), p, true, false));
        lines.add(new Plots.Line("p_g KDE (scaled)", c.x(), q, true, false));
        String title = String.format("D vs D*, step %d: max |D-D*| %.3f, mean %.3f (where data or G lies)",
                context.step(), c.maxError(), c.meanError());
        Plots.saveWithLatest(context.outputDir(), prefix.replace('_', '-') + "optimal-d", context.step(),
                file -> Plots.lines(file, title, "x", "probability / scaled density", null, lines));
    }

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
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

    public double getRegionThreshold() {
        return regionThreshold;
    }

    public void setRegionThreshold(double regionThreshold) {
        this.regionThreshold = ConfigChecks.inRange(regionThreshold, 0, 1, false);
    }

    public double getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(double bandwidth) {
        this.bandwidth = ConfigChecks.inRange(bandwidth, 0, 1e6, false);
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
