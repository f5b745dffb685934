package org.gan4j.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Shared histogram bins for 1-D and 2-D samples: per axis k equal-width bins over [lo, hi], k from a rule
 * (fixed k; sqrt: k = ⌈n^{1/(2d)}⌉ so that there are about √n cells; Sturges: k = ⌈log₂ n⌉ + 1; Scott:
 * width 3.49 σ n^{-1/(d+2)}; Freedman–Diaconis: width 2 IQR n^{-1/(d+2)}).
 *
 * <p>The range of each axis is [min, max] over both sample sets unless given; the rules' statistics (σ,
 * IQR) are those of the pooled samples and n is the mean size of the two sets. Samples outside a given
 * range are counted in the nearest edge bin, so both histograms always count every sample.
 */
public final class Histogram {
    /** The accepted bin rules. */
    public static final List<String> RULES = List.of("fixed", "sqrt", "sturges", "scott", "freedman_diaconis");

    /** Upper bound on bins per axis, whatever the rule says. */
    public static final int MAX_BINS_PER_AXIS = 1000;

    private Histogram() {}

    /**
     * Equal-width bins per axis.
     *
     * @param lo lower edge of each axis
     * @param hi upper edge of each axis
     * @param counts bins per axis
     */
    public record Bins(double[] lo, double[] hi, int[] counts) {

        public Bins {
            if (lo.length != hi.length || lo.length != counts.length || lo.length == 0) {
                throw new IllegalArgumentException("lo, hi and counts need one entry per axis");
            }
            for (int a = 0; a < lo.length; a++) {
                if (!(hi[a] > lo[a]) || counts[a] < 1) {
                    throw new IllegalArgumentException("axis " + a + ": need lo < hi and at least one bin");
                }
            }
            lo = lo.clone();
            hi = hi.clone();
            counts = counts.clone();
        }

        public int dimension() {
            return lo.length;
        }

        /** Total number of cells (product of the bins per axis). */
        public int cells() {
            int c = 1;
            for (int k : counts) {
                c *= k;
            }
            return c;
        }

        /** The cell index of sample {@code i} of {@code samples} (row-major, {@code d} values per sample). */
        public int cell(float[] samples, int d, int i) {
            int index = 0;
            for (int a = 0; a < lo.length; a++) {
                double width = (hi[a] - lo[a]) / counts[a];
                int b = (int) Math.floor((samples[i * d + a] - lo[a]) / width);
                b = Math.max(0, Math.min(counts[a] - 1, b)); // outside: the edge bin
                index = index * counts[a] + b;
            }
            return index;
        }

        /** Counts per cell of the samples (length {@link #cells()}). */
        public double[] counts(float[] samples, int d) {
            if (d != lo.length || samples.length % d != 0) {
                throw new IllegalArgumentException("samples of dimension " + d + " on " + lo.length + "-D bins");
            }
            double[] c = new double[cells()];
            int n = samples.length / d;
            for (int i = 0; i < n; i++) {
                c[cell(samples, d, i)]++;
            }
            return c;
        }

        @Override
        public String toString() {
            return "Bins" + Arrays.toString(counts) + " over " + Arrays.toString(lo) + ".." + Arrays.toString(hi);
        }
    }

    /**
     * Bins shared by two sample sets.
     *
     * @param a first samples, {@code d} values each
     * @param b second samples
     * @param d dimension (1 or 2; higher works but the cell count grows as k^d)
     * @param rule one of {@link #RULES}
     * @param fixedBins bins per axis for the fixed rule
     * @param range [lo, hi] applied to every axis, or null for [min, max] of both sets
     */
    public static Bins shared(float[] a, float[] b, int d, String rule, int fixedBins, double[] range) {
        if (!RULES.contains(rule)) {
            throw new IllegalArgumentException("bin rule '" + rule + "' is not one of " + RULES);
        }
        int na = a.length / d;
        int nb = b.length / d;
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("both sample sets need at least one sample");
        }
        double n = (na + nb) / 2.0;
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] counts = new int[d];
        for (int axis = 0; axis < d; axis++) {
            double[] pooled = pooledAxis(a, b, d, axis);
            if (range != null) {
                lo[axis] = range[0];
                hi[axis] = range[1];
            } else {
                lo[axis] = pooled[0];
                hi[axis] = pooled[pooled.length - 1];
                if (!(hi[axis] > lo[axis])) { // all equal: one unit-wide bin around the value
                    lo[axis] -= 0.5;
                    hi[axis] += 0.5;
                }
            }
            double span = hi[axis] - lo[axis];
            double k = switch (rule) {
                case "fixed" -> fixedBins;
                case "sqrt" -> Math.ceil(Math.pow(n, 1.0 / (2 * d)));
                case "sturges" -> Math.ceil(Math.log(n) / Math.log(2)) + 1;
                case "scott" -> span / (3.49 * std(pooled) * Math.pow(n, -1.0 / (d + 2)));
                case "freedman_diaconis" -> span / (2 * iqr(pooled) * Math.pow(n, -1.0 / (d + 2)));
                default -> throw new AssertionError(rule);
            };
            counts[axis] = Double.isFinite(k) ? (int) Math.max(1, Math.min(MAX_BINS_PER_AXIS, Math.ceil(k)))
                    : MAX_BINS_PER_AXIS;
        }
        return new Bins(lo, hi, counts);
    }

    /** Sorted values of one axis of both sets, non-finite values dropped. */
    private static double[] pooledAxis(float[] a, float[] b, int d, int axis) {
        double[] v = new double[a.length / d + b.length / d];
        int k = 0;
        for (float[] s : new float[][] {a, b}) {
            for (int i = axis; i < s.length; i += d) {
                if (Float.isFinite(s[i])) {
                    v[k++] = s[i];
                }
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("no finite sample values on axis " + axis);
        }
        double[] out = Arrays.copyOf(v, k);
        Arrays.sort(out);
        return out;
    }

    private static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double sq = 0;
        for (double x : v) {
            sq += (x - mean) * (x - mean);
        }
        return Math.sqrt(sq / v.length);
    }

    /** Interquartile range of sorted values (linear interpolation between order statistics). */
    static double iqr(double[] sorted) {
        return quantile(sorted, 0.75) - quantile(sorted, 0.25);
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
