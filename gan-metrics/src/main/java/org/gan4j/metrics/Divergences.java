package org.gan4j.metrics;

import java.util.function.DoubleUnaryOperator;

/**
 * KL(P‖Q) = Σ p log(p/q) and JS(P‖Q) = ½KL(P‖M) + ½KL(Q‖M), M = ½(P+Q), in nats (divide by ln 2 for bits),
 * for discrete distributions, for two sample sets on shared histogram bins, and for two known 1-D densities
 * by numerical integration.
 *
 * <p><b>Estimators and their bias.</b>
 *
 * <ul>
 *   <li><b>Discrete</b> ({@link #kl(double[], double[])}, {@link #js(double[], double[])}): exact for the
 *       given probability vectors. KL is +∞ when some q_i = 0 &lt; p_i; JS is always in [0, log 2].
 *   <li><b>Histogram plug-in</b> ({@link #jsHistogram}, {@link #klHistogram}): both sample sets are counted on
 *       the same bins ({@link Histogram}) and the discrete formula is applied to the frequencies. Two biases
 *       pull in opposite directions. <i>Binning</i> is a deterministic map, so by the data-processing
 *       inequality the divergence of the binned distributions is at most that of the densities (coarse
 *       bins bias it down; disjoint supports still give exactly log 2 when no bin holds both). <i>Finite
 *       samples</i> bias the plug-in up: for two independent samples of size n from the same distribution
 *       over B occupied bins, E[JŜ] ≈ (B − 1)/(4n) (Miller–Madow), and E[KL̂] ≈ (B − 1)/(2n) for the
 *       smoothed KL. KL is computed after adding a pseudo-count to every bin of both histograms, which keeps
 *       it finite and shrinks it towards 0 when a bin is empty in one sample; JS needs no smoothing.
 *   <li><b>Numerical integration</b> ({@link #klIntegrated}, {@link #jsIntegrated}): the composite
 *       Simpson rule on a uniform grid over [lo, hi]; exact up to O(h⁴) and the mass outside [lo, hi].
 *       Points where p = 0 contribute 0 (0 log 0 = 0).
 * </ul>
 */
public final class Divergences {
    /** ln 2, the JS divergence of distributions with disjoint supports, in nats. */
    public static final double LOG2 = Math.log(2);

    private Divergences() {}

    /** KL(p‖q) = Σ p_i log(p_i / q_i) of two probability vectors (each normalised here); +∞ if q_i = 0 &lt; p_i. */
    public static double kl(double[] p, double[] q) {
        checkSameLength(p, q);
        double sp = sum(p);
        double sq = sum(q);
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            if (pi > 0) {
                double qi = q[i] / sq;
                if (qi <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                total += pi * Math.log(pi / qi);
            }
        }
        return Math.max(0, total);
    }

    /** JS(p‖q) = ½ Σ p log(2p/(p+q)) + ½ Σ q log(2q/(p+q)) of two probability vectors (normalised here). */
    public static double js(double[] p, double[] q) {
        checkSameLength(p, q);
        double sp = sum(p);
        double sq = sum(q);
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2;
            if (pi > 0) {
                total += 0.5 * pi * Math.log(pi / m);
            }
            if (qi > 0) {
                total += 0.5 * qi * Math.log(qi / m);
            }
        }
        return Math.min(LOG2, Math.max(0, total));
    }

    /** Histogram plug-in JS between two sample sets of dimension {@code d} on the shared bins {@code bins}. */
    public static double jsHistogram(float[] a, float[] b, int d, Histogram.Bins bins) {
        return js(bins.counts(a, d), bins.counts(b, d));
    }

    /**
     * Histogram plug-in KL(a‖b) after adding {@code pseudoCount} to every bin of both histograms (0 gives
     * +∞ as soon as a bin is empty in b but not in a).
     */
    public static double klHistogram(float[] a, float[] b, int d, Histogram.Bins bins, double pseudoCount) {
        double[] p = bins.counts(a, d);
        double[] q = bins.counts(b, d);
        for (int i = 0; i < p.length; i++) {
            p[i] += pseudoCount;
            q[i] += pseudoCount;
        }
        return kl(p, q);
    }

    /** ∫ p log(p/q) dx over [lo, hi] by the composite Simpson rule on {@code intervals} (made even) intervals. */
    public static double klIntegrated(DoubleUnaryOperator p, DoubleUnaryOperator q, double lo, double hi,
            int intervals) {
        return simpson(x -> {
            double px = p.applyAsDouble(x);
            if (px <= 0) {
                return 0;
            }
            double qx = q.applyAsDouble(x);
            return qx <= 0 ? Double.POSITIVE_INFINITY : px * Math.log(px / qx);
        }, lo, hi, intervals);
    }

    /** ½∫ p log(2p/(p+q)) + ½∫ q log(2q/(p+q)) over [lo, hi] by the composite Simpson rule. */
    public static double jsIntegrated(DoubleUnaryOperator p, DoubleUnaryOperator q, double lo, double hi,
            int intervals) {
        return simpson(x -> {
            double px = p.applyAsDouble(x);
            double qx = q.applyAsDouble(x);
            double m = (px + qx) / 2;
            double v = 0;
            if (px > 0) {
                v += 0.5 * px * Math.log(px / m);
            }
            if (qx > 0) {
                v += 0.5 * qx * Math.log(qx / m);
            }
            return v;
        }, lo, hi, intervals);
    }

    /** JS from tabulated densities {@code p}, {@code q} on a uniform grid with spacing {@code h} (Simpson). */
    public static double jsOnGrid(double[] p, double[] q, double h) {
        checkSameLength(p, q);
        double[] f = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            f[i] = (p[i] > 0 ? 0.5 * p[i] * Math.log(p[i] / m) : 0) + (q[i] > 0 ? 0.5 * q[i] * Math.log(q[i] / m) : 0);
        }
        return simpsonTabulated(f, h);
    }

    /** The composite Simpson rule for f over [lo, hi]; {@code intervals} is rounded up to an even number. */
    public static double simpson(DoubleUnaryOperator f, double lo, double hi, int intervals) {
        if (!(hi > lo) || intervals < 2) {
            throw new IllegalArgumentException("need lo < hi and at least 2 intervals");
        }
        int n = intervals + (intervals % 2);
        double h = (hi - lo) / n;
        double[] values = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(lo + i * h);
        }
        return simpsonTabulated(values, h);
    }

    /** Simpson's rule on tabulated values (an odd count; with an even count the last interval is a trapezoid). */
    static double simpsonTabulated(double[] f, double h) {
        int n = f.length - 1;
        if (n < 1) {
            return 0;
        }
        int even = n - (n % 2);
        double s = 0;
        for (int i = 0; i + 2 <= even; i += 2) {
            s += f[i] + 4 * f[i + 1] + f[i + 2];
        }
        s *= h / 3;
        if (even < n) {
            s += h * (f[n - 1] + f[n]) / 2;
        }
        return s;
    }

    /** Nats to bits. */
    public static double toBits(double nats) {
        return nats / LOG2;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            if (!(x >= 0)) {
                throw new IllegalArgumentException("probabilities and counts must be >= 0, got " + x);
            }
            s += x;
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("a distribution needs a positive total");
        }
        return s;
    }

    private static void checkSameLength(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions over " + p.length + " and " + q.length + " bins");
        }
    }
}
