package org.gan4j.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.support.ResultKeys;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/**
 * Saturation trace: mean and std of G's samples (first coordinate) and mean D(G(z)) per evaluation; minimax's
 * G-gradient through the logit is −D(G(z)) (vanishes as D rejects G), the non-saturating one −(1 − D(G(z))).
 *
 * <p>Results (each preceded by {@code prefix}): {@code gen_mean}, {@code gen_std} (first coordinate of
 * {@code samples} generated samples), {@code d_fake_mean} = mean sigmoid(logit) and {@code fake_logit_mean} =
 * mean logit of D on them (inference mode). With {@code plot}, {@code <prefix>saturation.png} draws, over the
 * steps, G's gradient norm ‖∇_θ L_G‖ from the {@code g_grad_norm} column of the run's {@code metrics.csv}
 * (logged steps; 0 while G is frozen) on the left axis and the generated mean of every evaluation so far
 * (with the data's mean when known) on the right axis. The history restarts when a run is resumed.
 */
public final class SaturationMetric implements Metric {
    /** The trainer's per-step log in the run directory, and its gradient-norm column. */
    static final String STEP_LOG = "metrics.csv";
    static final String GRAD_COLUMN = "g_grad_norm";

    @JsonPropertyDescription("generated samples to draw")
    private int samples = 2500;

    @JsonPropertyDescription("draw <prefix>saturation.png (G's gradient norm and generated mean over steps)")
    private boolean plot = true;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    private final List<double[]> history = new ArrayList<>(); // {step, gen_mean}

    /** D's logit of each single sample is what this metric measures: a packed D has none. */
    @Override
    public boolean judgesSingleSamples() {
        return true;
    }

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws IOException {
        float[] x = context.generate(samples).toFloatArray();
        float[] logits = context.discriminatorLogits(context.generate(samples)).toFloatArray();
        int d = x.length / samples;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += x[i * d];
        }
        double mean = sum / samples;
        double sq = 0;
        for (int i = 0; i < samples; i++) {
            sq += (x[i * d] - mean) * (x[i * d] - mean);
        }
        double prob = 0;
        double logit = 0;
        for (float l : logits) {
            prob += 1 / (1 + Math.exp(-l));
            logit += l;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "gen_mean", mean);
        out.put(prefix + "gen_std", Math.sqrt(sq / samples));
        out.put(prefix + "d_fake_mean", prob / logits.length);
        out.put(prefix + "fake_logit_mean", logit / logits.length);
        if (plot) {
            history.add(new double[] {context.step(), mean});
            draw(context);
        }
        return out;
    }

    private void draw(EvalContext context) throws IOException {
        List<Plots.Line> lines = new ArrayList<>();
        double[][] grad = readColumn(context.outputDir().resolve(STEP_LOG), GRAD_COLUMN);
        lines.add(new Plots.Line("‖∇G loss‖ (metrics.csv)", grad[0], grad[1]));
        double[] steps = history.stream().mapToDouble(h -> h[0]).toArray();
        lines.add(new Plots.Line("generated mean (right axis)", steps, history.stream().mapToDouble(h -> h[1]).toArray(),
                false, true));
        GaussianMixture data = context.data().knownMixture().orElse(null);
        if (data != null && steps.length > 0) {
            double dataMean = 0;
            for (int k = 0; k < data.components(); k++) {
                dataMean += data.weights()[k] * data.means().get(k)[0];
            }
            double first = Math.min(steps[0], grad[0].length > 0 ? grad[0][0] : steps[0]);
            double[] xs = first < steps[steps.length - 1] ? new double[] {first, steps[steps.length - 1]}
                    : new double[] {steps[0]};
            double[] ys = new double[xs.length];
            Arrays.fill(ys, dataMean);
            lines.add(new Plots.Line("data mean (right axis)", xs, ys, true, true));
        }
        Plots.lines(context.outputDir().resolve(prefix.replace('_', '-') + "saturation.png"),
                "G's gradient norm and generated mean, step " + context.step(), "step", "‖∇θ L_G‖",
                "generated mean", lines);
    }

    /** {step, value} columns of a CSV with a header, skipping rows where the value is empty; empty if no file. */
    static double[][] readColumn(Path csv, String column) throws IOException {
        if (!Files.exists(csv)) {
            return new double[][] {new double[0], new double[0]};
        }
        List<String> rows = Files.readAllLines(csv);
        if (rows.isEmpty()) {
            return new double[][] {new double[0], new double[0]};
        }
        List<String> header = List.of(rows.get(0).split(",", -1));
        int s = header.indexOf("step");
        int v = header.indexOf(column);
        if (s < 0 || v < 0) {
            return new double[][] {new double[0], new double[0]};
        }
        List<double[]> points = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells.length > Math.max(s, v) && !cells[s].isEmpty() && !cells[v].isEmpty()) {
                try {
                    points.add(new double[] {Double.parseDouble(cells[s]), Double.parseDouble(cells[v])});
                } catch (NumberFormatException e) {
                    // a partly written last row: skip it
                }
            }
        }
        return new double[][] {
            points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()
        };
    }

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
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
