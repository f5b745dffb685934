package org.gan4j.conditional;

/**
 * Harmonic (diffusion) inpainting: inside the hole x solves Laplace's equation ∇²x = 0 with the known
 * pixels as its boundary, i.e. every hole pixel is the mean of its 4 neighbours (image edges mirror).
 * Solved by Gauss–Seidel with over-relaxation until no pixel moves by more than 1e-5.
 */
final class Diffusion {
    private static final double OMEGA = 1.9; // over-relaxation: converges in a few hundred sweeps on 32×32 holes
    private static final int MAX_SWEEPS = 5000;

    private Diffusion() {}

    /** Fills the hole (mask = 1) of every image of (b, c, h, w) {@code images}; returns a new array. */
    static float[] fill(float[] images, float[] mask, int b, int c, int h, int w) {
        float[] x = images.clone();
        int plane = h * w;
        for (int i = 0; i < b; i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * plane;
                int maskBase = i * plane;
                for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                    double change = 0;
                    for (int y = 0; y < h; y++) {
                        for (int xx = 0; xx < w; xx++) {
                            if (mask[maskBase + y * w + xx] == 0f) {
                                continue;
                            }
                            int up = y > 0 ? y - 1 : y + 1;
                            int down = y < h - 1 ? y + 1 : y - 1;
                            int left = xx > 0 ? xx - 1 : xx + 1;
                            int right = xx < w - 1 ? xx + 1 : xx - 1;
                            double mean = (x[base + up * w + xx] + x[base + down * w + xx] + x[base + y * w + left]
                                    + x[base + y * w + right]) / 4;
                            int p = base + y * w + xx;
                            double updated = x[p] + OMEGA * (mean - x[p]);
                            change = Math.max(change, Math.abs(updated - x[p]));
                            x[p] = (float) updated;
                        }
                    }
                    if (change < 1e-5) {
                        break;
                    }
                }
            }
        }
        return x;
    }
}
