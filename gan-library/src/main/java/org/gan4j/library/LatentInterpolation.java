package org.gan4j.library;

/** Paths between two latent vectors, to feed {@link TrainedGenerator#generate(float[][])}. */
public final class LatentInterpolation {
    private LatentInterpolation() {}

    /**
     * {@code steps} points z_t = (1 − t)·a + t·b for t = 0, 1/(steps−1), …, 1 (both ends included).
     *
     * @throws LatentSizeException when a and b differ in length
     */
    public static float[][] linear(float[] a, float[] b, int steps) {
        check(a, b, steps);
        float[][] out = new float[steps][a.length];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : (double) s / (steps - 1);
            for (int i = 0; i < a.length; i++) {
                out[s][i] = (float) ((1 - t) * a[i] + t * b[i]);
            }
        }
        return out;
    }

    /**
     * Spherical interpolation (White 2016, for Gaussian priors, whose samples lie near a sphere):
     * z_t = sin((1 − t)·Ω)/sin Ω · a + sin(t·Ω)/sin Ω · b with cos Ω = a·b/(‖a‖‖b‖); falls back to
     * {@link #linear} when a and b are (anti)parallel or zero (sin Ω ≈ 0).
     */
    public static float[][] spherical(float[] a, float[] b, int steps) {
        check(a, b, steps);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        if (Math.abs(sin) < 1e-6) {
            return linear(a, b, steps);
        }
        float[][] out = new float[steps][a.length];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : (double) s / (steps - 1);
            double wa = Math.sin((1 - t) * omega) / sin;
            double wb = Math.sin(t * omega) / sin;
            for (int i = 0; i < a.length; i++) {
                out[s][i] = (float) (wa * a[i] + wb * b[i]);
            }
        }
        return out;
    }

    private static void check(float[] a, float[] b, int steps) {
        if (a.length != b.length) {
            throw new LatentSizeException("cannot interpolate between latent vectors of " + a.length + " and "
                    + b.length + " values; give two vectors of the generator's latent size");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be 1 or more, got " + steps);
        }
    }
}
