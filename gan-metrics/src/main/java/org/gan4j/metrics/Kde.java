package org.gan4j.metrics;

import java.util.Arrays;

/**
 * A 1-D Gaussian kernel density estimate p̂(x) = (1/(n h)) Σ φ((x − x_i)/h), by default with Silverman's
 * bandwidth h = 0.9 min(σ̂, IQR/1.34) n^{-1/5}.
 *
 * <p>Its bias is O(h²) (it equals the true density convolved with N(0, h²), so peaks are lowered and
 * widened by about h); its variance is O(1/(n h)). A generator whose samples all coincide gets the
 * bandwidth floor {@code 1e-3}, i.e. a narrow Gaussian rather than a point mass.
 */
public final class Kde {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double MIN_BANDWIDTH = 1e-3;

    private final double[] sorted;
    private final double bandwidth;

    /**
     * @param samples 1-D samples (non-finite values are dropped)
     * @param bandwidth kernel std h, or 0 (or less) for Silverman's rule
     */
    public Kde(float[] samples, double bandwidth) {
        double[] v = new double[samples.length];
        int k = 0;
        for (float s : samples) {
            if (Float.isFinite(s)) {
                v[k++] = s;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("a density estimate needs at least one finite sample");
        }
        this.sorted = Arrays.copyOf(v, k);
        Arrays.sort(sorted);
        this.bandwidth = bandwidth > 0 ? bandwidth : Math.max(MIN_BANDWIDTH, silverman(sorted));
    }

    /** Silverman's rule of thumb h = 0.9 min(σ̂, IQR/1.34) n^{-1/5} for sorted samples. */
    static double silverman(double[] sorted) {
        int n = sorted.length;
        double mean = Arrays.stream(sorted).average().orElse(0);
        double sq = 0;
        for (double x : sorted) {
            sq += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(sq / Math.max(1, n - 1));
        double iqr = Histogram.iqr(sorted) / 1.34;
        double spread = iqr > 0 ? Math.min(std, iqr) : std;
        return 0.9 * spread * Math.pow(n, -0.2);
    }

    public double bandwidth() {
        return bandwidth;
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    /**
     * p̂(x); kernels further than 37h away are skipped (their weight, e^{-684}, underflows anyway), so p̂ is
     * positive wherever a double can say so.
     */
    public double density(double x) {
        double cut = 37 * bandwidth;
        int from = lowerBound(x - cut);
        double s = 0;
        for (int i = from; i < sorted.length && sorted[i] <= x + cut; i++) {
            double u = (x - sorted[i]) / bandwidth;
            s += Math.exp(-0.5 * u * u);
        }
        return s * INV_SQRT_2PI / (sorted.length * bandwidth);
    }

    private int lowerBound(double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
