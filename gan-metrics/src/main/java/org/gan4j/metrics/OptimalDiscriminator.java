package org.gan4j.metrics;

import org.gan4j.api.data.GaussianMixture;

/**
 * Goodfellow et al.'s Proposition 1: for a fixed G the best discriminator is D*(x) = p_data(x)/(p_data(x) + p_g(x)),
 * and V(G, D*) = 2·JS(p_data‖p_g) − 2 log 2; here compared with a trained D on a 1-D grid.
 */
public final class OptimalDiscriminator {
    private OptimalDiscriminator() {}

    /**
     * D against D* on a grid.
     *
     * @param x grid points
     * @param d the trained D(x) = sigmoid(logit)
     * @param dStar D*(x) (0.5 where both densities are 0)
     * @param pData p_data(x)
     * @param pG the estimate of p_g(x)
     * @param region where p_data ≥ τ·max p_data or p_g ≥ τ·max p_g: the points the errors are taken over
     * @param maxError max |D − D*| over the region
     * @param meanError mean |D − D*| over the region's grid points (uniform in x)
     */
    public record Comparison(double[] x, double[] d, double[] dStar, double[] pData, double[] pG, boolean[] region,
            double maxError, double meanError) {}

    /** D*(x) = p/(p + q), 0.5 where both are 0. */
    public static double dStar(double p, double q) {
        double s = p + q;
        return s > 0 ? p / s : 0.5;
    }

    /**
     * Compares D with D* on the grid.
     *
     * @param regionThreshold τ: a point is in the compared region when p_data ≥ τ·max p_data or p_g ≥ τ·max p_g
     */
    public static Comparison compare(double[] x, double[] d, GaussianMixture data, Kde generator,
            double regionThreshold) {
        int n = x.length;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] star = new double[n];
        double maxP = 0;
        double maxQ = 0;
        for (int i = 0; i < n; i++) {
            p[i] = data.density(new double[] {x[i]});
            q[i] = generator.density(x[i]);
            star[i] = dStar(p[i], q[i]);
            maxP = Math.max(maxP, p[i]);
            maxQ = Math.max(maxQ, q[i]);
        }
        boolean[] region = new boolean[n];
        double maxError = 0;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            region[i] = p[i] >= regionThreshold * maxP || q[i] >= regionThreshold * maxQ;
            if (region[i]) {
                double e = Math.abs(d[i] - star[i]);
                maxError = Math.max(maxError, e);
                sum += e;
                count++;
            }
        }
        return new Comparison(x, d, star, p, q, region, maxError, count == 0 ? Double.NaN : sum / count);
    }

    /**
     * An interval holding essentially all the mass of both densities: the data's components ±8σ and the
     * generated samples' range ±8h (beyond which the KDE holds below 1e-15 of its mass).
     */
    public static double[] support(GaussianMixture data, Kde generator) {
        double lo = generator.min() - 8 * generator.bandwidth();
        double hi = generator.max() + 8 * generator.bandwidth();
        for (int k = 0; k < data.components(); k++) {
            double mu = data.means().get(k)[0];
            double s = data.stds()[k];
            lo = Math.min(lo, mu - 8 * s);
            hi = Math.max(hi, mu + 8 * s);
        }
        return new double[] {lo, hi};
    }

    /**
     * Where either density is at least 1e-3 of its peak (scanned on 2001 points of {@link #support}), widened
     * by 10 %: the interval D is evaluated and drawn on.
     */
    public static double[] visibleRange(GaussianMixture data, Kde generator) {
        double[] span = support(data, generator);
        int n = 2001;
        double[] x = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        double maxP = 0;
        double maxQ = 0;
        for (int i = 0; i < n; i++) {
            x[i] = span[0] + (span[1] - span[0]) * i / (n - 1);
            p[i] = data.density(new double[] {x[i]});
            q[i] = generator.density(x[i]);
            maxP = Math.max(maxP, p[i]);
            maxQ = Math.max(maxQ, q[i]);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (p[i] >= 1e-3 * maxP || q[i] >= 1e-3 * maxQ) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
        }
        double pad = 0.1 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** log(1 + e^x), stable for large |x|. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Monte Carlo V(G, D) = mean log D(x_real) + mean log(1 − D(G(z))) from logits, with log D = −softplus(−l)
     * and log(1 − D) = −softplus(l).
     */
    public static double value(float[] realLogits, float[] fakeLogits) {
        double r = 0;
        for (float l : realLogits) {
            r -= softplus(-l);
        }
        double f = 0;
        for (float l : fakeLogits) {
            f -= softplus(l);
        }
        return r / realLogits.length + f / fakeLogits.length;
    }
}
