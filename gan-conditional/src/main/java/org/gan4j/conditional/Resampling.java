package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Separable image resizing as two matrix products, out = R_h · X · R_wᵀ per channel, so it runs
 * inside the engine on whole batches. Bicubic uses Keys' kernel (a = −0.5, as MATLAB's imresize and
 * PIL do), widened by the scale when shrinking so it antialiases; area averages f×f blocks.
 */
final class Resampling {
    private Resampling() {}

    /** Keys' cubic convolution kernel with a = −0.5. */
    static double cubic(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t <= 1) {
            return (a + 2) * t * t * t - (a + 3) * t * t + 1;
        }
        if (t < 2) {
            return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
        }
        return 0;
    }

    /**
     * The (out × in) bicubic resampling matrix for one axis: pixel centres map as
     * x_in = (x_out + 0.5)·in/out − 0.5; edges replicate; every row sums to 1.
     */
    static float[][] bicubicMatrix(int in, int out) {
        double scale = (double) in / out;
        double support = scale > 1 ? 2 * scale : 2; // shrinking widens the kernel (antialiasing)
        double stretch = scale > 1 ? scale : 1;
        float[][] m = new float[out][in];
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            int first = (int) Math.floor(centre - support);
            int last = (int) Math.ceil(centre + support);
            double sum = 0;
            double[] w = new double[last - first + 1];
            for (int i = first; i <= last; i++) {
                w[i - first] = cubic((i - centre) / stretch);
                sum += w[i - first];
            }
            for (int i = first; i <= last; i++) {
                int clamped = Math.max(0, Math.min(in - 1, i));
                m[o][clamped] += (float) (w[i - first] / sum);
            }
        }
        return m;
    }

    /** The (out × in) matrix averaging blocks of in/out pixels (in must be a multiple of out). */
    static float[][] areaMatrix(int in, int out) {
        if (in % out != 0) {
            throw new IllegalArgumentException("area downscaling needs " + in + " to be a multiple of " + out);
        }
        int f = in / out;
        float[][] m = new float[out][in];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < f; k++) {
                m[o][o * f + k] = 1f / f;
            }
        }
        return m;
    }

    /** The (out × in) nearest-neighbour matrix (for drawing a small image large without smoothing). */
    static float[][] nearestMatrix(int in, int out) {
        float[][] m = new float[out][in];
        for (int o = 0; o < out; o++) {
            m[o][Math.min(in - 1, (int) Math.floor((o + 0.5) * in / out))] = 1f;
        }
        return m;
    }

    /** Applies row and column matrices to images (B, C, H, W) → (B, C, H', W'). */
    static NDArray apply(NDArray images, float[][] rows, float[][] columns) {
        NDManager manager = images.getManager();
        NDArray r = matrix(manager, rows); // (H', H)
        NDArray ct = matrix(manager, columns).transpose(); // (W, W')
        return r.matMul(images.matMul(ct)); // broadcast over (B, C)
    }

    private static NDArray matrix(NDManager manager, float[][] m) {
        float[] flat = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * m[0].length, m[0].length);
        }
        return manager.create(flat, new Shape(m.length, m[0].length));
    }
}
