package org.gan4j.datasets;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * One decoded photograph held as floats in [−1, 1] (x = v/127.5 − 1), channel-planar: value
 * (c, y, x) at (c·H + y)·W + x.
 *
 * @param name where it came from, for messages (a file name or path)
 * @param channels 1 (gray, luma 0.299R + 0.587G + 0.114B) or 3 (RGB)
 * @param height rows
 * @param width columns
 * @param pixels channels·height·width values
 */
record Photo(String name, int channels, int height, int width, float[] pixels) {

    Photo {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(name + ": channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0 || pixels.length != (long) channels * height * width) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " values do not make a "
                    + channels + "×" + height + "×" + width + " image");
        }
    }

    /** The image as RGB (C = 3) or gray by luma (C = 1) floats in [−1, 1]. */
    static Photo of(BufferedImage image, String name, int channels) {
        BufferedImage rgb = ImageFolderData.toRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int plane = w * h;
        float[] out = new float[Math.multiplyExact(channels, plane)];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rgb.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int r = (row[x] >> 16) & 0xFF;
                int g = (row[x] >> 8) & 0xFF;
                int b = row[x] & 0xFF;
                int at = y * w + x;
                if (channels == 1) {
                    out[at] = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 127.5 - 1.0);
                } else {
                    out[at] = (float) (r / 127.5 - 1.0);
                    out[at + plane] = (float) (g / 127.5 - 1.0);
                    out[at + 2 * plane] = (float) (b / 127.5 - 1.0);
                }
            }
        }
        return new Photo(name, channels, h, w, out);
    }

    /**
     * This image scaled down by area averaging so that its longer side is {@code maxSide} pixels
     * (aspect ratio kept, each side rounded); itself when {@code maxSide} is 0 or the image is
     * already small enough. Every output pixel is the mean of the source area it covers.
     */
    Photo fitted(int maxSide) {
        int longer = Math.max(height, width);
        if (maxSide <= 0 || longer <= maxSide) {
            return this;
        }
        double s = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(width * s));
        int h = Math.max(1, (int) Math.round(height * s));
        Taps across = Taps.of(width, w);
        Taps down = Taps.of(height, h);
        float[] wide = new float[channels * height * w]; // columns averaged first
        for (int row = 0; row < channels * height; row++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                double[] weights = across.weights[x];
                int base = row * width + across.first[x];
                for (int k = 0; k < weights.length; k++) {
                    sum += weights[k] * pixels[base + k];
                }
                wide[row * w + x] = (float) sum;
            }
        }
        float[] out = new float[channels * h * w];
        double[] column = new double[w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                Arrays.fill(column, 0);
                double[] weights = down.weights[y];
                for (int k = 0; k < weights.length; k++) {
                    int from = (c * height + down.first[y] + k) * w;
                    for (int x = 0; x < w; x++) {
                        column[x] += weights[k] * wide[from + x];
                    }
                }
                int to = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    out[to + x] = (float) Math.max(-1.0, Math.min(1.0, column[x]));
                }
            }
        }
        return new Photo(name, channels, h, w, out);
    }

    /** Value (c, y, x). */
    float at(int c, int y, int x) {
        return pixels[(c * height + y) * width + x];
    }

    /**
     * Area-averaging weights from n source pixels onto m ≤ n: output i covers the source interval
     * [i·n/m, (i+1)·n/m) and weighs source pixel first[i] + k by weights[i][k] (its overlap, over n/m).
     */
    private record Taps(int[] first, double[][] weights) {
        static Taps of(int n, int m) {
            double r = (double) n / m;
            int[] first = new int[m];
            double[][] weights = new double[m][];
            for (int i = 0; i < m; i++) {
                double lo = i * r;
                double hi = Math.min(n, (i + 1) * r);
                int a = (int) Math.floor(lo);
                int b = Math.min(n, (int) Math.ceil(hi));
                first[i] = a;
                weights[i] = new double[b - a];
                double total = 0;
                for (int s = a; s < b; s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    weights[i][s - a] = Math.max(0, overlap);
                    total += weights[i][s - a];
                }
                for (int k = 0; k < weights[i].length; k++) {
                    weights[i][k] /= total; // sums to 1 exactly as far as doubles go
                }
            }
            return new Taps(first, weights);
        }
    }
}
