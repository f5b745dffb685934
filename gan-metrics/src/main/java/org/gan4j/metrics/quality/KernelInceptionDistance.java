package org.gan4j.metrics.quality;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Kernel Inception Distance (Bińkowski et al., ICLR 2018) on feature vectors: the unbiased estimate of the squared
 * maximum mean discrepancy with the cubic polynomial kernel k(x, y) = (xᵀy/d + 1)³,
 * <pre>
 *   MMD²_u = 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) + 1/(m(m−1)) Σ_{i≠j} k(y_i, y_j) − 2/m² Σ_{i,j} k(x_i, y_j),
 * </pre>
 * computed on {@code subsets} random subsets of m vectors of each set (drawn without replacement, from a fixed
 * seed) and reported as their mean and (population) standard deviation. Unlike the Fréchet distance it is
 * unbiased at every m, so values at different sample sizes estimate the same quantity (and may be slightly
 * negative when the sets are alike). The kernel values of every pair are computed once (O(n²·d)), then each
 * subset sums its entries; memory is three n×n float tables.
 */
public final class KernelInceptionDistance {
    private KernelInceptionDistance() {}

    /** The mean and standard deviation of MMD²_u over the subsets, and the subset size m used. */
    public record Result(double mean, double std, int subsetSize, int subsets) {}

    /** k(x, y) = (xᵀy/d + 1)³ of vector i of {@code a} and vector j of {@code b}. */
    static double kernel(float[] a, int i, float[] b, int j, int d) {
        double dot = 0;
        int oa = i * d;
        int ob = j * d;
        for (int t = 0; t < d; t++) {
            dot += (double) a[oa + t] * b[ob + t];
        }
        double base = dot / d + 1;
        return base * base * base;
    }

    /**
     * KID between {@code real} and {@code fake} (row-major, d values per vector).
     *
     * @param subsetSize m; must not exceed either set's size
     * @param seed seeds the subsets' draws
     * @throws IllegalArgumentException when m is below 2 or larger than a set
     */
    public static Result compute(float[] real, float[] fake, int d, int subsets, int subsetSize, long seed) {
        int nx = real.length / d;
        int ny = fake.length / d;
        if (subsetSize < 2 || subsetSize > Math.min(nx, ny)) {
            throw new IllegalArgumentException("a KID subset of " + subsetSize + " vectors needs 2 <= subset_size <= "
                    + "the smaller set's size (" + nx + " real, " + ny + " generated)");
        }
        if (subsets < 1) {
            throw new IllegalArgumentException("KID needs at least one subset, got " + subsets);
        }
        float[][] kxx = gram(real, nx, real, nx, d);
        float[][] kyy = gram(fake, ny, fake, ny, d);
        float[][] kxy = gram(real, nx, fake, ny, d);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[subsets];
        int m = subsetSize;
        for (int s = 0; s < subsets; s++) {
            int[] ix = sample(random, nx, m);
            int[] iy = sample(random, ny, m);
            values[s] = mmd2(kxx, kyy, kxy, ix, iy);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= subsets;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new Result(mean, Math.sqrt(var / subsets), m, subsets);
    }

    /** MMD²_u of one pair of subsets from the precomputed kernel tables. */
    static double mmd2(float[][] kxx, float[][] kyy, float[][] kxy, int[] ix, int[] iy) {
        int m = ix.length;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int a = 0; a < m; a++) {
            float[] rowX = kxx[ix[a]];
            float[] rowY = kyy[iy[a]];
            float[] rowXY = kxy[ix[a]];
            for (int b = 0; b < m; b++) {
                if (a != b) {
                    sxx += rowX[ix[b]];
                    syy += rowY[iy[b]];
                }
                sxy += rowXY[iy[b]];
            }
        }
        return (sxx + syy) / ((double) m * (m - 1)) - 2 * sxy / ((double) m * m);
    }

    private static float[][] gram(float[] a, int na, float[] b, int nb, int d) {
        float[][] k = new float[na][nb];
        IntStream.range(0, na).parallel().forEach(i -> {
            for (int j = 0; j < nb; j++) {
                k[i][j] = (float) kernel(a, i, b, j, d);
            }
        });
        return k;
    }

    /** m distinct indices of [0, n), a partial Fisher–Yates shuffle. */
    private static int[] sample(SplittableRandom random, int n, int m) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, m);
    }
}
