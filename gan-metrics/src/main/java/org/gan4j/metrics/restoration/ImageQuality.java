package org.gan4j.metrics.restoration;

/**
 * Full-reference image quality on host arrays, as the super-resolution, colorization and inpainting literature
 * reports it. Everything works on {@link Images}: batches (n, c, h, w) with values in [0, 1] (the framework's
 * [-1, 1] mapped by (v + 1)/2, see {@link Images#fromSigned}); sums are in double precision.
 *
 * <ul>
 *   <li>{@link #psnr}: PSNR = 10·log10(MAX²/MSE) with MAX = 1, computed per image and then averaged over the
 *       images (as SR papers do, not the PSNR of the pooled MSE). An image whose MSE is 0 (or whose PSNR would
 *       exceed it) counts as {@link #PSNR_CAP_DB} = 100 dB, so results stay finite numbers in CSV files.
 *   <li>{@link #ssim}: SSIM of Wang et al. 2004 with their constants: an 11×11 Gaussian window of σ = 1.5
 *       (normalised to sum 1), K1 = 0.01, K2 = 0.03, L = 1, and 'valid' filtering (no padding: the SSIM map is
 *       (h − 10)×(w − 10)). The map's mean is taken per channel, averaged over the channels, then over the
 *       images.
 *   <li>{@link #luma}: ITU-R BT.601 luma as SR papers compute it (MATLAB's rgb2ycbcr),
 *       Y = (16 + 65.481 R + 128.553 G + 24.966 B)/255 for R, G, B in [0, 1], so Y ∈ [16/255, 235/255];
 *       {@link #crop} removes a border of pixels on each side before PSNR/SSIM on Y.
 *   <li>{@link #maskedL1}, {@link #maskedPsnr}: mean absolute error and PSNR restricted to the pixels where the
 *       mask is 1 (all channels of them), per image then averaged over the images that have such pixels.
 *   <li>{@link #colourfulness}: Hasler and Süsstrunk 2003 on the 0..255 scale, rg = R − G, yb = ½(R + G) − B,
 *       M = √(σ_rg² + σ_yb²) + 0.3·√(μ_rg² + μ_yb²) (population standard deviations over the pixels of an
 *       image), per image then averaged.
 * </ul>
 */
public final class ImageQuality {
    /** The PSNR of an image identical to its reference (MSE = 0), and the most any image counts for. */
    public static final double PSNR_CAP_DB = 100;
    /** Side of SSIM's Gaussian window. */
    public static final int SSIM_WINDOW = 11;
    /** Standard deviation of SSIM's Gaussian window, in pixels. */
    public static final double SSIM_SIGMA = 1.5;
    private static final double C1 = (0.01 * 1) * (0.01 * 1); // (K1·L)²
    private static final double C2 = (0.03 * 1) * (0.03 * 1); // (K2·L)²

    private ImageQuality() {}

    /**
     * A batch of images (n, c, h, w), row-major, values in [0, 1].
     *
     * @param pixels n·c·h·w values
     */
    public record Images(float[] pixels, int n, int c, int h, int w) {
        public Images {
            if (n < 0 || c <= 0 || h <= 0 || w <= 0 || pixels.length != (long) n * c * h * w) {
                throw new IllegalArgumentException("images of shape (" + n + ", " + c + ", " + h + ", " + w
                        + ") need n·c·h·w = " + ((long) n * c * h * w) + " values, got " + pixels.length);
            }
        }

        /** Maps values in [-1, 1] to [0, 1] by (v + 1)/2, clamping what lies outside (e.g. bicubic overshoot). */
        public static Images fromSigned(float[] values, int n, int c, int h, int w) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                double u = (values[i] + 1.0) / 2.0;
                out[i] = (float) (u < 0 ? 0 : u > 1 ? 1 : u);
            }
            return new Images(out, n, c, h, w);
        }

        /** "(n, c, h, w)". */
        public String shape() {
            return "(" + n + ", " + c + ", " + h + ", " + w + ")";
        }

        boolean sameShape(Images o) {
            return n == o.n && c == o.c && h == o.h && w == o.w;
        }
    }

    /** 10·log10(1/mse), capped at {@link #PSNR_CAP_DB} (which is also the value for mse = 0). */
    public static double psnrOf(double mse) {
        if (!(mse > 0)) {
            return mse == 0 ? PSNR_CAP_DB : Double.NaN;
        }
        return Math.min(PSNR_CAP_DB, -10 * Math.log10(mse));
    }

    /** Mean over the images of each image's PSNR (MAX = 1) of {@code x} against {@code reference}. */
    public static double psnr(Images x, Images reference) {
        requireSameShape(x, reference);
        requireImages(x);
        int size = x.c * x.h * x.w;
        double sum = 0;
        for (int i = 0; i < x.n; i++) {
            double sq = 0;
            for (int j = i * size; j < (i + 1) * size; j++) {
                double d = (double) x.pixels[j] - reference.pixels[j];
                sq += d * d;
            }
            sum += psnrOf(sq / size);
        }
        return sum / x.n;
    }

    /** Mean over the images of each image's SSIM (channels averaged); needs h, w ≥ 11. */
    public static double ssim(Images x, Images reference) {
        requireSameShape(x, reference);
        requireImages(x);
        if (x.h < SSIM_WINDOW || x.w < SSIM_WINDOW) {
            throw new IllegalArgumentException("SSIM's " + SSIM_WINDOW + "×" + SSIM_WINDOW + " window needs images "
                    + "of at least " + SSIM_WINDOW + "×" + SSIM_WINDOW + " pixels, got " + x.h + "×" + x.w);
        }
        double[] g = gaussianWindow();
        Ssim work = new Ssim(x.h, x.w);
        int plane = x.h * x.w;
        double sum = 0;
        for (int i = 0; i < x.n; i++) {
            double channels = 0;
            for (int ch = 0; ch < x.c; ch++) {
                channels += work.mean(x.pixels, reference.pixels, (i * x.c + ch) * plane, g);
            }
            sum += channels / x.c;
        }
        return sum / x.n;
    }

    /** The 1-D Gaussian of SSIM's window, normalised to sum 1 (the 2-D window is its outer product). */
    static double[] gaussianWindow() {
        double[] g = new double[SSIM_WINDOW];
        int centre = SSIM_WINDOW / 2;
        double total = 0;
        for (int k = 0; k < SSIM_WINDOW; k++) {
            g[k] = Math.exp(-(double) (k - centre) * (k - centre) / (2 * SSIM_SIGMA * SSIM_SIGMA));
            total += g[k];
        }
        for (int k = 0; k < SSIM_WINDOW; k++) {
            g[k] /= total;
        }
        return g;
    }

    /** Buffers for the separable 'valid' filtering of one plane, reused across planes. */
    private static final class Ssim {
        private final int h;
        private final int w;
        private final int ow;
        private final int oh;
        /** Horizontally filtered x, y, x², y², xy: (h, w − 10) each. */
        private final double[][] rows;

        Ssim(int h, int w) {
            this.h = h;
            this.w = w;
            this.ow = w - SSIM_WINDOW + 1;
            this.oh = h - SSIM_WINDOW + 1;
            this.rows = new double[5][h * ow];
        }

        /** The mean of the SSIM map of the planes of {@code a} and {@code b} starting at {@code offset}. */
        double mean(float[] a, float[] b, int offset, double[] g) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < ow; x++) {
                    double sa = 0;
                    double sb = 0;
                    double saa = 0;
                    double sbb = 0;
                    double sab = 0;
                    int base = offset + y * w + x;
                    for (int k = 0; k < SSIM_WINDOW; k++) {
                        double va = a[base + k];
                        double vb = b[base + k];
                        double gk = g[k];
                        sa += gk * va;
                        sb += gk * vb;
                        saa += gk * va * va;
                        sbb += gk * vb * vb;
                        sab += gk * va * vb;
                    }
                    int o = y * ow + x;
                    rows[0][o] = sa;
                    rows[1][o] = sb;
                    rows[2][o] = saa;
                    rows[3][o] = sbb;
                    rows[4][o] = sab;
                }
            }
            double total = 0;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double mx = 0;
                    double my = 0;
                    double exx = 0;
                    double eyy = 0;
                    double exy = 0;
                    for (int k = 0; k < SSIM_WINDOW; k++) {
                        int o = (y + k) * ow + x;
                        double gk = g[k];
                        mx += gk * rows[0][o];
                        my += gk * rows[1][o];
                        exx += gk * rows[2][o];
                        eyy += gk * rows[3][o];
                        exy += gk * rows[4][o];
                    }
                    double vx = exx - mx * mx;
                    double vy = eyy - my * my;
                    double cxy = exy - mx * my;
                    total += ((2 * mx * my + C1) * (2 * cxy + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                }
            }
            return total / ((double) oh * ow);
        }
    }

    /** BT.601 luma Y = (16 + 65.481 R + 128.553 G + 24.966 B)/255 of RGB images (channels 0, 1, 2): (n, 1, h, w). */
    public static Images luma(Images rgb) {
        if (rgb.c != 3) {
            throw new IllegalArgumentException("luma needs RGB images (3 channels), got shape " + rgb.shape());
        }
        int plane = rgb.h * rgb.w;
        float[] y = new float[rgb.n * plane];
        for (int i = 0; i < rgb.n; i++) {
            int r = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                double v = 16 + 65.481 * rgb.pixels[r + p] + 128.553 * rgb.pixels[r + plane + p]
                        + 24.966 * rgb.pixels[r + 2 * plane + p];
                y[i * plane + p] = (float) (v / 255);
            }
        }
        return new Images(y, rgb.n, 1, rgb.h, rgb.w);
    }

    /** The images without {@code border} pixels on each side: (n, c, h − 2·border, w − 2·border). */
    public static Images crop(Images x, int border) {
        if (border < 0) {
            throw new IllegalArgumentException("border must be 0 or more, got " + border);
        }
        if (border == 0) {
            return x;
        }
        int h = x.h - 2 * border;
        int w = x.w - 2 * border;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("a border of " + border + " pixels leaves nothing of images of "
                    + x.h + "×" + x.w);
        }
        float[] out = new float[x.n * x.c * h * w];
        for (int plane = 0; plane < x.n * x.c; plane++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(x.pixels, plane * x.h * x.w + (y + border) * x.w + border, out,
                        (plane * h + y) * w, w);
            }
        }
        return new Images(out, x.n, x.c, h, w);
    }

    /**
     * Mean absolute error inside the hole: per image, the mean of |x − reference| over all channels of the pixels
     * where {@code mask} (n, 1, h, w) is 1 (above 0.5), then the mean over the images that have a hole; NaN when
     * none has.
     */
    public static double maskedL1(Images x, Images reference, float[] mask) {
        return masked(x, reference, mask, false);
    }

    /** PSNR (MAX = 1, capped at {@link #PSNR_CAP_DB}) inside the hole, per image as {@link #maskedL1}. */
    public static double maskedPsnr(Images x, Images reference, float[] mask) {
        return masked(x, reference, mask, true);
    }

    private static double masked(Images x, Images reference, float[] mask, boolean psnr) {
        requireSameShape(x, reference);
        int plane = x.h * x.w;
        if (mask.length != x.n * plane) {
            throw new IllegalArgumentException("the mask needs one value per pixel, (" + x.n + ", 1, " + x.h + ", "
                    + x.w + ") = " + x.n * plane + " values, got " + mask.length);
        }
        double sum = 0;
        int images = 0;
        for (int i = 0; i < x.n; i++) {
            double err = 0;
            long count = 0;
            for (int p = 0; p < plane; p++) {
                if (mask[i * plane + p] > 0.5f) {
                    for (int ch = 0; ch < x.c; ch++) {
                        int j = (i * x.c + ch) * plane + p;
                        double d = (double) x.pixels[j] - reference.pixels[j];
                        err += psnr ? d * d : Math.abs(d);
                    }
                    count += x.c;
                }
            }
            if (count > 0) {
                sum += psnr ? psnrOf(err / count) : err / count;
                images++;
            }
        }
        return images == 0 ? Double.NaN : sum / images;
    }

    /** Mean over the images of the Hasler–Süsstrunk colourfulness (0..255 scale) of RGB images. */
    public static double colourfulness(Images rgb) {
        if (rgb.c < 3) {
            throw new IllegalArgumentException("colourfulness needs RGB images (3 channels), got shape "
                    + rgb.shape());
        }
        requireImages(rgb);
        int plane = rgb.h * rgb.w;
        double[] rg = new double[plane];
        double[] yb = new double[plane];
        double sum = 0;
        for (int i = 0; i < rgb.n; i++) {
            int r = i * rgb.c * plane;
            double mrg = 0;
            double myb = 0;
            for (int p = 0; p < plane; p++) {
                double red = 255.0 * rgb.pixels[r + p];
                double green = 255.0 * rgb.pixels[r + plane + p];
                double blue = 255.0 * rgb.pixels[r + 2 * plane + p];
                rg[p] = red - green;
                yb[p] = 0.5 * (red + green) - blue;
                mrg += rg[p];
                myb += yb[p];
            }
            mrg /= plane;
            myb /= plane;
            double vrg = 0;
            double vyb = 0;
            for (int p = 0; p < plane; p++) {
                vrg += (rg[p] - mrg) * (rg[p] - mrg);
                vyb += (yb[p] - myb) * (yb[p] - myb);
            }
            vrg /= plane;
            vyb /= plane;
            sum += Math.sqrt(vrg + vyb) + 0.3 * Math.sqrt(mrg * mrg + myb * myb);
        }
        return sum / rgb.n;
    }

    private static void requireSameShape(Images x, Images reference) {
        if (!x.sameShape(reference)) {
            throw new IllegalArgumentException("images of shape " + x.shape() + " compared with a reference of shape "
                    + reference.shape());
        }
    }

    private static void requireImages(Images x) {
        if (x.n == 0) {
            throw new IllegalArgumentException("no images");
        }
    }
}
