package org.gan4j.metrics;

import java.util.List;
import org.gan4j.api.data.GaussianMixture;

/**
 * VEEGAN/PacGAN mode statistics: sample x is high quality when min_k ‖x − μ_k‖/σ_k &lt; t; mode k is captured
 * when at least c high-quality samples are nearest to it; reverse KL(q‖U) = log K − H(q) of the mode
 * histogram q of high-quality samples.
 */
public final class MixtureQuality {
    private MixtureQuality() {}

    /**
     * The statistics of one sample set.
     *
     * @param nearestMode per sample, the mode with the smallest σ-normalised distance
     * @param highQuality per sample, whether that distance is below the threshold
     * @param modeCounts per mode, the high-quality samples nearest to it
     * @param modesCaptured modes with at least the minimum count
     * @param highQualityFraction high-quality samples / all samples
     * @param reverseKl KL(q‖uniform) = log K − H(q) in nats; NaN when no sample is high quality
     */
    public record Result(int[] nearestMode, boolean[] highQuality, int[] modeCounts, int modesCaptured,
            double highQualityFraction, double reverseKl) {}

    /**
     * Computes the statistics.
     *
     * @param samples row-major samples, {@code mixture.dimension()} values each
     * @param mixture the known modes (means and stds)
     * @param threshold t: σ-normalised distance below which a sample is high quality (VEEGAN: 3)
     * @param minCount c: high-quality samples a mode needs to count as captured (VEEGAN: 1)
     */
    public static Result evaluate(float[] samples, GaussianMixture mixture, double threshold, int minCount) {
        int d = mixture.dimension();
        if (samples.length % d != 0) {
            throw new IllegalArgumentException(samples.length + " values are not samples of dimension " + d);
        }
        int n = samples.length / d;
        int k = mixture.components();
        List<double[]> means = mixture.means();
        double[] stds = mixture.stds();
        int[] nearest = new int[n];
        boolean[] hq = new boolean[n];
        int[] counts = new int[k];
        int hqTotal = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int m = 0; m < k; m++) {
                double[] mu = means.get(m);
                double sq = 0;
                for (int a = 0; a < d; a++) {
                    double diff = samples[i * d + a] - mu[a];
                    sq += diff * diff;
                }
                double dist = Math.sqrt(sq) / stds[m];
                if (dist < best) {
                    best = dist;
                    arg = m;
                }
            }
            nearest[i] = arg;
            if (best < threshold) {
                hq[i] = true;
                counts[arg]++;
                hqTotal++;
            }
        }
        int captured = 0;
        double entropy = 0;
        for (int c : counts) {
            if (c >= minCount) {
                captured++;
            }
            if (c > 0) {
                double q = (double) c / hqTotal;
                entropy -= q * Math.log(q);
            }
        }
        double reverseKl = hqTotal == 0 ? Double.NaN : Math.max(0, Math.log(k) - entropy);
        return new Result(nearest, hq, counts, captured, n == 0 ? 0 : (double) hqTotal / n, reverseKl);
    }
}
