package org.gan4j.metrics.quality;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians fitted to feature sets (Heusel et al. 2017):
 *
 * <pre>  FD = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^{1/2})</pre>
 *
 * <p>Everything is in double precision. Σ₁Σ₂ is not symmetric, so its square root is not taken directly:
 * (Σ₁Σ₂)^{1/2} is similar to (Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2}, hence Tr((Σ₁Σ₂)^{1/2}) = Σᵢ √λᵢ with λᵢ the eigenvalues
 * of the symmetric positive semi-definite matrix M = Σ₁^{1/2} Σ₂ Σ₁^{1/2}. Both square roots use Apache Commons
 * Math's {@link EigenDecomposition} of a symmetric matrix (symmetrised first); eigenvalues that rounding makes
 * slightly negative (rank-deficient covariances, e.g. dead ReLU features) are clipped to 0.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /**
     * Mean and covariance of a feature set.
     *
     * @param mean μ, length d
     * @param covariance Σ, d×d, unbiased (divided by n − 1, as numpy.cov and the FID reference code do)
     * @param n the number of feature vectors
     */
    public record Moments(double[] mean, double[][] covariance, int n) {
        public int dimension() {
            return mean.length;
        }
    }

    /** Moments of {@code n} feature vectors of dimension {@code d} stored row by row in {@code x}. */
    public static Moments moments(float[] x, int n, int d) {
        if (n < 2 || x.length != (long) n * d) {
            throw new IllegalArgumentException("need at least 2 vectors of " + d + " values in an array of n·d = "
                    + (long) n * d + " values, got n = " + n + " and " + x.length + " values");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[j] = x[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= (n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        return new Moments(mean, cov, n);
    }

    /** FD between the Gaussians N(μ₁, Σ₁) and N(μ₂, Σ₂); never negative (rounding below 0 is clipped). */
    public static double distance(Moments a, Moments b) {
        return distance(a.mean(), a.covariance(), b.mean(), b.covariance());
    }

    /** FD between N(mean1, cov1) and N(mean2, cov2). */
    public static double distance(double[] mean1, double[][] cov1, double[] mean2, double[][] cov2) {
        int d = mean1.length;
        if (mean2.length != d || cov1.length != d || cov2.length != d) {
            throw new IllegalArgumentException("dimensions differ: " + d + " and " + mean2.length);
        }
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double diff = mean1[j] - mean2[j];
            meanTerm += diff * diff;
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += cov1[j][j] + cov2[j][j];
        }
        RealMatrix s1 = new Array2DRowRealMatrix(cov1);
        RealMatrix s2 = new Array2DRowRealMatrix(cov2);
        RealMatrix root1 = sqrtSymmetric(s1);
        RealMatrix m = symmetrised(root1.multiply(s2).multiply(root1));
        double traceRoot = 0;
        for (double lambda : psdEigenvalues(m)) {
            traceRoot += Math.sqrt(lambda);
        }
        return Math.max(0, meanTerm + trace - 2 * traceRoot);
    }

    /**
     * The symmetric PSD square root U·diag(√σ)·Uᵀ of a symmetric positive semi-definite matrix, from its singular
     * value decomposition (for such a matrix the singular values are the eigenvalues and U = V).
     *
     * <p>Why not {@code EigenDecomposition}: commons-math's symmetric eigensolver gives up ("convergence failed")
     * on rank-deficient covariances with tiny entries, which is what the features of a collapsed generator (one
     * class of a conditional G, mostly identical samples) produce; the SVD converges on them.
     */
    static RealMatrix sqrtSymmetric(RealMatrix a) {
        SingularValueDecomposition svd = new SingularValueDecomposition(symmetrised(a));
        RealMatrix u = svd.getU();
        double[] sigma = svd.getSingularValues();
        int d = sigma.length;
        double[][] scaled = new double[d][d]; // U·diag(√σ)
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                scaled[i][j] = u.getEntry(i, j) * Math.sqrt(sigma[j]);
            }
        }
        return new Array2DRowRealMatrix(scaled, false).multiply(u.transpose());
    }

    /** The eigenvalues of a symmetric PSD matrix (its singular values; rounding-level negatives come out as |λ|). */
    static double[] psdEigenvalues(RealMatrix symmetricPsd) {
        return new SingularValueDecomposition(symmetricPsd).getSingularValues();
    }

    private static RealMatrix symmetrised(RealMatrix a) {
        return a.add(a.transpose()).scalarMultiply(0.5);
    }
}
