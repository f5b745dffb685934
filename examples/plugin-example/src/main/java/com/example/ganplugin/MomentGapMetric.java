package com.example.ganplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/** Per-coordinate moment gaps averaged over coordinates: mean |μ_gen − μ_real| and mean |σ_gen − σ_real|. */
public final class MomentGapMetric implements Metric {

    @JsonPropertyDescription("samples drawn from G and from the data")
    private int samples = 2000;

    public int getSamples() {
        return samples;
    }

    public void setSamples(int samples) {
        this.samples = ConfigChecks.positive(samples);
    }

    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        float[] fake = context.generate(samples).toFloatArray();
        float[] real = context.realSamples(samples).toFloatArray();
        int d = fake.length / samples;
        double meanGap = 0;
        double stdGap = 0;
        for (int j = 0; j < d; j++) {
            double[] f = moments(fake, d, j);
            double[] r = moments(real, d, j);
            meanGap += Math.abs(f[0] - r[0]) / d;
            stdGap += Math.abs(f[1] - r[1]) / d;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("moment_gap_mean", meanGap);
        out.put("moment_gap_std", stdGap);
        return out;
    }

    private static double[] moments(float[] x, int d, int j) {
        int n = x.length / d;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i * d + j];
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double diff = x[i * d + j] - mean;
            sq += diff * diff;
        }
        return new double[] {mean, Math.sqrt(sq / n)};
    }
}
