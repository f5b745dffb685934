package org.gan4j.metrics.quality;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Improved precision and recall (Kynkäänniemi et al., NeurIPS 2019) on feature vectors. The manifold of a set
 * is the union of balls around its points, each with the radius of the distance to its k-th nearest neighbour
 * within the set (the point itself not counted). Precision is the fraction of generated vectors inside the
 * real manifold (are the samples realistic?); recall the fraction of real vectors inside the generated
 * manifold (is the data's variety covered?). A point on a ball's boundary counts as inside. Euclidean
 * distances, exact (all pairs; O(n²·d), about a second for 2,000 × 2,000 vectors of 128 values).
 */
public final class PrecisionRecall {
    private PrecisionRecall() {}

    /** Precision and recall of the generated set against the real one. */
    public record Result(double precision, double recall) {}

    /** Both measures; {@code realRadii}/{@code fakeRadii} from {@link #radii} with the same k. */
    public static Result compute(float[] real, double[] realRadii, float[] fake, double[] fakeRadii, int d) {
        return new Result(coverage(real, realRadii, fake, d), coverage(fake, fakeRadii, real, d));
    }

    /** Both measures with k-NN radii computed here. */
    public static Result compute(float[] real, float[] fake, int d, int k) {
        return compute(real, radii(real, d, k), fake, radii(fake, d, k), d);
    }

    /**
     * The distance from every vector to its k-th nearest neighbour among the others.
     *
     * @throws IllegalArgumentException when the set has no more than k vectors
     */
    public static double[] radii(float[] x, int d, int k) {
        int n = x.length / d;
        if (k < 1 || n <= k) {
            throw new IllegalArgumentException("k-NN radii need k >= 1 and more than k vectors, got k = " + k
                    + " and " + n + " vectors");
        }
        return IntStream.range(0, n).parallel().mapToDouble(i -> {
            double[] nearest = new double[k]; // the k smallest squared distances, ascending
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = squaredDistance(x, i, x, j, d);
                if (s < nearest[k - 1]) {
                    int p = k - 1;
                    while (p > 0 && nearest[p - 1] > s) {
                        nearest[p] = nearest[p - 1];
                        p--;
                    }
                    nearest[p] = s;
                }
            }
            return Math.sqrt(nearest[k - 1]);
        }).toArray();
    }

    /** The fraction of {@code queries} within distance radii[r] of at least one reference vector r. */
    public static double coverage(float[] references, double[] radii, float[] queries, int d) {
        int nRef = references.length / d;
        int nQuery = queries.length / d;
        if (radii.length != nRef) {
            throw new IllegalArgumentException(radii.length + " radii for " + nRef + " reference vectors");
        }
        long inside = IntStream.range(0, nQuery).parallel().filter(q -> {
            for (int r = 0; r < nRef; r++) {
                // sqrt is monotone and correctly rounded, so a point exactly on the boundary stays inside
                if (Math.sqrt(squaredDistance(queries, q, references, r, d)) <= radii[r]) {
                    return true;
                }
            }
            return false;
        }).count();
        return (double) inside / nQuery;
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
