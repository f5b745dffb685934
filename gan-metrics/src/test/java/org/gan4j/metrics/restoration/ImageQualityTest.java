package org.gan4j.metrics.restoration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.gan4j.metrics.restoration.ImageQuality.Images;
import org.junit.jupiter.api.Test;

/** The restoration formulas against values worked out by hand. */
class ImageQualityTest {

    /** n random images (n, c, h, w) in [0, 1], seeded. */
    static Images random(int n, int c, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        return new Images(x, n, c, h, w);
    }

    static Images constant(float value, int n, int c, int h, int w) {
        float[] x = new float[n * c * h * w];
        Arrays.fill(x, value);
        return new Images(x, n, c, h, w);
    }

    @Test
    void signedValuesMapToTheUnitIntervalAndOvershootIsClamped() {
        Images x = Images.fromSigned(new float[] {-1, 0, 1, 0.5f, -1.25f, 1.5f}, 1, 1, 2, 3);
        assertEquals(Arrays.toString(new float[] {0, 0.5f, 1, 0.75f, 0, 1}), Arrays.toString(x.pixels()));
        assertThrows(IllegalArgumentException.class, () -> new Images(new float[5], 1, 1, 2, 3));
    }

    @Test
    void ssimOfAnImageWithItselfIsOne() {
        Images x = random(3, 3, 16, 20, 1);
        assertEquals(1.0, ImageQuality.ssim(x, x), 1e-12);
        Images flat = constant(0.3f, 1, 1, 11, 11); // zero variance: (C1)(C2)/(C1)(C2)
        assertEquals(1.0, ImageQuality.ssim(flat, flat), 1e-12);
    }

    @Test
    void psnrOfAConstantOffsetIsExact() {
        // signed 0 -> 0.5 and signed 0.5 -> 0.75: every pixel is off by d = 0.25, MSE = d², PSNR = 10·log10(1/d²)
        float[] target = new float[2 * 3 * 4 * 5];
        float[] output = new float[target.length];
        Arrays.fill(output, 0.5f);
        Images t = Images.fromSigned(target, 2, 3, 4, 5);
        Images o = Images.fromSigned(output, 2, 3, 4, 5);
        double d = 0.25;
        assertEquals(10 * Math.log10(1 / (d * d)), ImageQuality.psnr(o, t), 1e-12);
        assertEquals(10 * Math.log10(16), ImageQuality.psnr(t, o), 1e-12); // symmetric
    }

    @Test
    void psnrIsThePerImageMeanAndIdenticalImagesAreCapped() {
        // image 0: one of 4 pixels off by 0.5 -> MSE 1/16 -> 12.0412 dB; image 1: identical -> capped at 100 dB
        Images t = new Images(new float[] {0, 0, 0, 0, 0.2f, 0.4f, 0.6f, 0.8f}, 2, 1, 2, 2);
        Images o = new Images(new float[] {0.5f, 0, 0, 0, 0.2f, 0.4f, 0.6f, 0.8f}, 2, 1, 2, 2);
        double first = 10 * Math.log10(16);
        assertEquals((first + 100) / 2, ImageQuality.psnr(o, t), 1e-12);
        assertEquals(100, ImageQuality.psnr(t, t), 0);
        // not the PSNR of the pooled MSE (1/32 -> 15.05 dB)
        assertTrue(Math.abs(ImageQuality.psnr(o, t) - 10 * Math.log10(32)) > 1);
        // two-channel image, errors 0.1 and 0.3 on one pixel each of 2×(1×2): MSE = (0.01 + 0.09)/4 = 0.025
        Images a = new Images(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 1, 2, 1, 2);
        Images b = new Images(new float[] {0.6f, 0.5f, 0.5f, 0.2f}, 1, 2, 1, 2);
        assertEquals(10 * Math.log10(1 / 0.025), ImageQuality.psnr(b, a), 1e-5);
        assertEquals(100, ImageQuality.psnrOf(0), 0);
        assertEquals(100, ImageQuality.psnrOf(1e-12), 0);
    }

    @Test
    void ssimOnOneWindowMatchesTheFormulaWorkedOutByHand() {
        // 11×11: the window covers the image once, the SSIM map is a single value
        Images x = random(1, 1, 11, 11, 2);
        Images y = random(1, 1, 11, 11, 3);
        for (int i = 0; i < 121; i++) { // correlate y with x so the covariance term matters
            y.pixels()[i] = 0.6f * x.pixels()[i] + 0.4f * y.pixels()[i];
        }
        // Gaussian weights written out independently: w(i, j) ∝ exp(-((i-5)² + (j-5)²) / (2·1.5²))
        double[] w = new double[121];
        double total = 0;
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                w[i * 11 + j] = Math.exp(-((i - 5) * (i - 5) + (j - 5) * (j - 5)) / 4.5);
                total += w[i * 11 + j];
            }
        }
        double mx = 0;
        double my = 0;
        for (int p = 0; p < 121; p++) {
            w[p] /= total;
            mx += w[p] * x.pixels()[p];
            my += w[p] * y.pixels()[p];
        }
        double vx = 0;
        double vy = 0;
        double cxy = 0;
        for (int p = 0; p < 121; p++) {
            double dx = x.pixels()[p] - mx;
            double dy = y.pixels()[p] - my;
            vx += w[p] * dx * dx;
            vy += w[p] * dy * dy;
            cxy += w[p] * dx * dy;
        }
        double c1 = 0.0001;
        double c2 = 0.0009;
        double expected = (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
        double actual = ImageQuality.ssim(x, y);
        assertEquals(expected, actual, 1e-10);
        assertTrue(actual > 0.3 && actual < 0.99, "ssim " + actual);
    }

    @Test
    void ssimAveragesChannelsThenImages() {
        Images x = random(2, 2, 12, 13, 4);
        Images y = random(2, 2, 12, 13, 5);
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int ch = 0; ch < 2; ch++) {
                int plane = 12 * 13;
                int from = (i * 2 + ch) * plane;
                sum += ImageQuality.ssim(
                        new Images(Arrays.copyOfRange(x.pixels(), from, from + plane), 1, 1, 12, 13),
                        new Images(Arrays.copyOfRange(y.pixels(), from, from + plane), 1, 1, 12, 13));
            }
        }
        assertEquals(sum / 4, ImageQuality.ssim(x, y), 1e-12);
    }

    @Test
    void ssimIsSymmetricAndBelowOneForAPerturbedImage() {
        Images x = random(2, 3, 24, 24, 6);
        Images noisy = new Images(x.pixels().clone(), 2, 3, 24, 24);
        Random r = new Random(7);
        for (int i = 0; i < noisy.pixels().length; i++) {
            noisy.pixels()[i] = (float) Math.min(1, Math.max(0, noisy.pixels()[i] + 0.1 * r.nextGaussian()));
        }
        double s = ImageQuality.ssim(noisy, x);
        assertEquals(s, ImageQuality.ssim(x, noisy), 1e-12);
        assertTrue(s < 0.99 && s > 0.5, "ssim " + s);
        assertTrue(ImageQuality.psnr(noisy, x) < 25);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(random(1, 1, 10, 20, 1),
                random(1, 1, 10, 20, 2)));
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(x, random(2, 3, 24, 23, 1)));
    }

    @Test
    void lumaOfRedWhiteAndBlackIsBt601() {
        // three 1×1 RGB images in the signed range: red, white, black
        float[] signed = {1, -1, -1, 1, 1, 1, -1, -1, -1};
        Images y = ImageQuality.luma(Images.fromSigned(signed, 3, 3, 1, 1));
        assertEquals(1, y.c());
        assertEquals((16 + 65.481) / 255, y.pixels()[0], 1e-6); // 0.3195
        assertEquals(235.0 / 255, y.pixels()[1], 1e-6); // 16 + 65.481 + 128.553 + 24.966 = 235
        assertEquals(16.0 / 255, y.pixels()[2], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.luma(random(1, 1, 2, 2, 1)));
    }

    @Test
    void aBorderCropLeavesOutACorruptedBorder() {
        Images clean = random(2, 3, 24, 26, 8);
        Images bad = new Images(clean.pixels().clone(), 2, 3, 24, 26);
        for (int plane = 0; plane < 6; plane++) {
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 26; x++) {
                    if (y < 2 || y >= 22 || x < 2 || x >= 24) {
                        bad.pixels()[plane * 24 * 26 + y * 26 + x] = 1 - bad.pixels()[plane * 24 * 26 + y * 26 + x];
                    }
                }
            }
        }
        Images yClean = ImageQuality.luma(clean);
        Images yBad = ImageQuality.luma(bad);
        assertTrue(ImageQuality.psnr(yBad, yClean) < 40);
        // 'valid' SSIM windows reach the frame only with their small outer Gaussian weights
        double ssimWhole = ImageQuality.ssim(yBad, yClean);
        assertTrue(ssimWhole < 1 - 1e-4, "ssim " + ssimWhole);
        Images cropped = ImageQuality.crop(yBad, 2);
        assertEquals(20, cropped.h());
        assertEquals(22, cropped.w());
        assertEquals(ImageQuality.PSNR_CAP_DB, ImageQuality.psnr(cropped, ImageQuality.crop(yClean, 2)), 0);
        assertEquals(1.0, ImageQuality.ssim(cropped, ImageQuality.crop(yClean, 2)), 1e-12);
        assertTrue(ImageQuality.psnr(ImageQuality.crop(yBad, 1), ImageQuality.crop(yClean, 1)) < 40);
        // crop keeps the right pixels: row 2, column 2 of the second image's first plane
        assertEquals(yBad.pixels()[24 * 26 + 2 * 26 + 2], cropped.pixels()[20 * 22], 0);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.crop(yBad, 12));
    }

    @Test
    void maskedErrorsCountOnlyTheHole() {
        // one RGB image 2×2; the hole is the top-left pixel; inside it the output is off by 0.25 in every
        // channel, outside by 0.5
        Images t = constant(0.25f, 1, 3, 2, 2);
        float[] o = new float[12];
        Arrays.fill(o, 0.75f);
        for (int ch = 0; ch < 3; ch++) {
            o[ch * 4] = 0.5f;
        }
        Images out = new Images(o, 1, 3, 2, 2);
        float[] mask = {1, 0, 0, 0};
        assertEquals(0.25, ImageQuality.maskedL1(out, t, mask), 1e-12);
        assertEquals(10 * Math.log10(16), ImageQuality.maskedPsnr(out, t, mask), 1e-12);
        // averaged per image; an image with an empty hole is left out, NaN when all are
        Images two = new Images(concat(o, o), 2, 3, 2, 2);
        Images tt = constant(0.25f, 2, 3, 2, 2);
        assertEquals(0.25, ImageQuality.maskedL1(two, tt, new float[] {1, 0, 0, 0, 0, 0, 0, 0}), 1e-12);
        assertEquals((0.25 + 0.5) / 2, ImageQuality.maskedL1(two, tt, new float[] {1, 0, 0, 0, 0, 1, 1, 0}), 1e-12);
        assertTrue(Double.isNaN(ImageQuality.maskedL1(out, t, new float[4])));
        assertEquals(100, ImageQuality.maskedPsnr(t, t, mask), 0);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.maskedL1(out, t, new float[12]));
    }

    @Test
    void colourfulnessOfGrayIsZeroAndOfRedAndBlueIsTheHandValue() {
        Images gray = new Images(new float[] {0.1f, 0.7f, 0.1f, 0.7f, 0.1f, 0.7f}, 1, 3, 1, 2);
        assertEquals(0, ImageQuality.colourfulness(gray), 1e-12);
        // half pure red (255, 0, 0), half pure blue (0, 0, 255): rg = 255, 0 -> μ 127.5, σ 127.5;
        // yb = 127.5, -255 -> μ -63.75, σ 191.25; M = 63.75·√(2² + 3²) + 0.3·63.75·√(2² + 1²)
        float[] signed = {1, -1, -1, -1, -1, 1}; // (R, R), (G, G), (B, B) of two pixels
        Images redBlue = Images.fromSigned(signed, 1, 3, 1, 2);
        double expected = 63.75 * Math.sqrt(13) + 0.3 * 63.75 * Math.sqrt(5);
        assertEquals(expected, ImageQuality.colourfulness(redBlue), 1e-9);
        assertEquals(272.6185, expected, 1e-3);
        // mean over images
        Images both = new Images(concat(gray.pixels(), redBlue.pixels()), 2, 3, 1, 2);
        assertEquals(expected / 2, ImageQuality.colourfulness(both), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.colourfulness(random(1, 1, 2, 2, 1)));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
