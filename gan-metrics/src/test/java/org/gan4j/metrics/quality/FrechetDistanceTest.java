package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gan4j.metrics.quality.FrechetDistance.Moments;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** n correlated feature vectors (x = A·z + b with a fixed random A), like a network's features. */
    static float[] correlated(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = new Random(1000L * i + j).nextGaussian() / Math.sqrt(d);
            }
        }
        float[] x = new float[n * d];
        double[] z = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                z[j] = r.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double v = 0.5 * i;
                for (int j = 0; j < d; j++) {
                    v += a[i][j] * z[j];
                }
                x[s * d + i] = (float) v;
            }
        }
        return x;
    }

    @Test
    void aSetAgainstItselfIsZero() {
        int n = 1000;
        int d = 32;
        Moments m = FrechetDistance.moments(correlated(n, d, 1), n, d);
        // Rounding only: Tr Σ₁ + Tr Σ₂ ≈ 64 here, cancelled against 2·Σ√λ, leaves ~1e-9.
        assertEquals(0, FrechetDistance.distance(m, m), 1e-7);
    }

    @Test
    void growsMonotonicallyWithAddedNoise() {
        int n = 1000;
        int d = 32;
        float[] x = correlated(n, d, 2);
        Moments clean = FrechetDistance.moments(x, n, d);
        Random r = new Random(3);
        double[] eps = new double[x.length];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = r.nextGaussian();
        }
        double previous = -1;
        for (double sigma : new double[] {0, 0.05, 0.1, 0.2, 0.5, 1, 2, 4}) {
            float[] noisy = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                noisy[i] = (float) (x[i] + sigma * eps[i]);
            }
            double fd = FrechetDistance.distance(clean, FrechetDistance.moments(noisy, n, d));
            if (sigma == 0) {
                assertEquals(0, fd, 1e-7);
            }
            assertTrue(fd > previous, "FD at noise " + sigma + " is " + fd + ", not above " + previous);
            previous = fd;
        }
        // Independent noise of variance σ² adds about d·σ² to the trace and barely moves the mean.
        assertTrue(previous > 0.5 * d * 16, "FD at σ = 4 is " + previous);
    }

    @Test
    void matchesTheClosedFormForDiagonalGaussians() {
        double[] mu1 = {0, 1, -2, 3};
        double[] mu2 = {1, 1, 0, 2.5};
        double[] s1 = {1, 2, 0.5, 3};
        double[] s2 = {2, 2, 1.5, 0.1};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += Math.pow(mu1[i] - mu2[i], 2) + Math.pow(s1[i] - s2[i], 2);
        }
        double fd = FrechetDistance.distance(mu1, diagonal(s1), mu2, diagonal(s2));
        assertEquals(expected, fd, 1e-10);
        assertEquals(1 + 0 + 4 + 0.25 + 1 + 0 + 1 + 2.9 * 2.9, expected, 1e-12); // the closed form, by hand

        // Rotating both Gaussians by one orthogonal matrix leaves the distance unchanged (non-diagonal Σ).
        double[][] q = rotation(4, 5);
        double fdRotated = FrechetDistance.distance(times(q, mu1), conjugate(q, diagonal(s1)), times(q, mu2),
                conjugate(q, diagonal(s2)));
        assertEquals(expected, fdRotated, 1e-9);
        // ... and the distance is symmetric.
        assertEquals(fdRotated, FrechetDistance.distance(times(q, mu2), conjugate(q, diagonal(s2)), times(q, mu1),
                conjugate(q, diagonal(s1))), 1e-9);
    }

    @Test
    void matchesTheClosedFormAgainstTheIdentity() {
        // Σ₁ = I, Σ₂ = [[2, 1], [1, 2]] (eigenvalues 3 and 1): Tr((Σ₁Σ₂)^½) = √3 + 1.
        double[][] identity = {{1, 0}, {0, 1}};
        double[][] s2 = {{2, 1}, {1, 2}};
        double expected = 1 + 4 + (2 + 4) - 2 * (Math.sqrt(3) + 1);
        assertEquals(expected, FrechetDistance.distance(new double[] {0, 0}, identity, new double[] {1, 2}, s2),
                1e-12);
    }

    @Test
    void sampleEstimateApproachesTheClosedForm() {
        int n = 20_000;
        Random r = new Random(7);
        float[] a = new float[n * 2];
        float[] b = new float[n * 2];
        for (int i = 0; i < n; i++) {
            a[2 * i] = (float) r.nextGaussian();
            a[2 * i + 1] = (float) (2 * r.nextGaussian());
            b[2 * i] = (float) (1 + 3 * r.nextGaussian());
            b[2 * i + 1] = (float) (2 * r.nextGaussian());
        }
        double fd = FrechetDistance.distance(FrechetDistance.moments(a, n, 2), FrechetDistance.moments(b, n, 2));
        assertEquals(1 + 4, fd, 0.15); // (1 − 0)² + (3 − 1)² + (2 − 2)²
    }

    @Test
    void rankDeficientCovariancesStayFinite() {
        // A feature that is always 0 (a dead ReLU) makes Σ singular.
        int n = 200;
        float[] x = new float[n * 3];
        float[] y = new float[n * 3];
        Random r = new Random(9);
        for (int i = 0; i < n; i++) {
            x[3 * i] = (float) r.nextGaussian();
            x[3 * i + 1] = x[3 * i];
            y[3 * i] = (float) r.nextGaussian();
            y[3 * i + 2] = (float) r.nextGaussian();
        }
        double fd = FrechetDistance.distance(FrechetDistance.moments(x, n, 3), FrechetDistance.moments(y, n, 3));
        // Σ_x = [[1,1,0],[1,1,0],[0,0,0]], Σ_y = diag(1,0,1): Tr Σ_x + Tr Σ_y − 2·Tr(Σ_x^½Σ_yΣ_x^½)^½ = 2 + 2 − 2·1,
        // plus the sampling error of 200 draws
        assertEquals(2.0, fd, 0.6, "fd of the population moments is 2");
    }

    static double[][] diagonal(double[] std) {
        double[][] m = new double[std.length][std.length];
        for (int i = 0; i < std.length; i++) {
            m[i][i] = std[i] * std[i];
        }
        return m;
    }

    /** A random orthogonal matrix (Gram–Schmidt of Gaussian columns). */
    static double[][] rotation(int d, long seed) {
        Random r = new Random(seed);
        double[][] q = new double[d][d];
        for (int c = 0; c < d; c++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = r.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[i][p];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (double value : v) {
                norm += value * value;
            }
            for (int i = 0; i < d; i++) {
                q[i][c] = v[i] / Math.sqrt(norm);
            }
        }
        return q;
    }

    static double[] times(double[][] q, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += q[i][j] * v[j];
            }
        }
        return out;
    }

    /** Q·A·Qᵀ. */
    static double[][] conjugate(double[][] q, double[][] a) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        s += q[i][k] * a[k][l] * q[j][l];
                    }
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /**
     * The features of a collapsed generator: a few distinct samples, many dead (always-zero) features and tiny
     * spread. commons-math's symmetric eigensolver threw "convergence failed" on such covariances (found by an
     * intra-class FD of a conditional run at step 500); 25 of 400 of these random cases failed then.
     */
    @Test
    void survivesRankDeficientTinyCovariancesOfACollapsedGenerator() {
        Random r = new Random(1);
        int d = 128;
        for (int t = 0; t < 60; t++) {
            int n = 2 + r.nextInt(30);
            int dead = r.nextInt(100);
            double scale = Math.pow(10, -r.nextInt(12));
            float[] x = new float[n * d];
            for (int s = 0; s < n; s++) {
                for (int j = dead; j < d; j++) {
                    x[s * d + j] = (float) ((r.nextDouble() < 0.5 ? 0 : r.nextGaussian() * scale) + 1e-7 * r.nextGaussian());
                }
            }
            Moments collapsed = FrechetDistance.moments(x, n, d);
            Moments healthy = FrechetDistance.moments(correlated(200, d, t), 200, d);
            assertEquals(0, FrechetDistance.distance(collapsed, collapsed), 1e-9, "case " + t);
            double fd = FrechetDistance.distance(collapsed, healthy);
            assertTrue(Double.isFinite(fd) && fd > 0, "case " + t + ": " + fd);
        }
    }
}
