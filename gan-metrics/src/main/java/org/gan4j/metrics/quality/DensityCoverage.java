package org.gan4j.metrics.quality;

import java.util.stream.IntStream;

/**
 * Density and coverage (Naeem et al., ICML 2020) on feature vectors, with the k-NN balls of the REAL vectors only
 * (k = 5 in the paper): B_i is the ball around real X_i with radius NND_k(X_i), its distance to its k-th nearest
 * other real vector. For N real and M generated vectors
 * <pre>
 *   density  = 1/(k·M) Σ_j Σ_i 1[Y_j ∈ B_i]        (how many real neighbourhoods hold a fake, on average, / k)
 *   coverage = 1/N Σ_i 1[∃ j: Y_j ∈ B_i]            (the fraction of real neighbourhoods holding some fake)
 * </pre>
 * Unlike precision/recall they use no balls around generated vectors, so outlying fakes do not inflate them;
 * density is not bounded by 1 (about 1 for identical distributions). A point on a boundary counts as inside.
 */
public final class DensityCoverage {
    private DensityCoverage() {}

    public record Result(double density, double coverage) {}

    /** Both measures; {@code realRadii} from {@link PrecisionRecall#radii} with the same k. */
    public static Result compute(float[] real, double[] realRadii, float[] fake, int d, int k) {
        int n = real.length / d;
        int m = fake.length / d;
        if (realRadii.length != n) {
            throw new IllegalArgumentException(realRadii.length + " radii for " + n + " real vectors");
        }
        // Per real ball, how many fakes it holds (one task per ball, so no shared counter).
        long[] held = IntStream.range(0, n).parallel().mapToLong(i -> {
            long count = 0;
            for (int j = 0; j < m; j++) {
                if (Math.sqrt(squaredDistance(fake, j, real, i, d)) <= realRadii[i]) {
                    count++;
                }
            }
            return count;
        }).toArray();
        long total = 0;
        long covered = 0;
        for (long h : held) {
            total += h;
            covered += h > 0 ? 1 : 0;
        }
        return new Result((double) total / ((double) k * m), (double) covered / n);
    }

    /** Both measures with the real k-NN radii computed here. */
    public static Result compute(float[] real, float[] fake, int d, int k) {
        return compute(real, PrecisionRecall.radii(real, d, k), fake, d, k);
    }

    private static double squaredDistance(float[] a, int i, float[] b, int j, int d) {
        double s = 0;
        int oa = i * d;
        int ob = j * d;
        for (int t = 0; t < d; t++) {
            double diff = (double) a[oa + t] - b[ob + t];
            s += diff * diff;
        }
        return s;
    }
}
