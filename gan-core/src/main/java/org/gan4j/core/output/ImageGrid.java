package org.gan4j.core.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A PNG grid of images stored as (n, C, H, W) floats in [-1, 1] (C = 1 gray or 3 RGB), one row per {@code columns}. */
public final class ImageGrid {
    private static final int PAD = 2;

    private ImageGrid() {}

    public static void write(Path file, float[] pixels, int n, int channels, int height, int width, int columns)
            throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image grid needs 1 or 3 channels, got " + channels);
        }
        int rows = (n + columns - 1) / columns;
        int scale = Math.max(1, 512 / Math.max(1, columns * width)); // small images are enlarged for viewing
        int cell = width * scale + PAD;
        int cellH = height * scale + PAD;
        BufferedImage image = new BufferedImage(columns * cell + PAD, rows * cellH + PAD, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            int x0 = PAD + (i % columns) * cell;
            int y0 = PAD + (i / columns) * cellH;
            int base = i * channels * plane;
            for (int y = 0; y < height * scale; y++) {
                for (int x = 0; x < width * scale; x++) {
                    int p = (y / scale) * width + (x / scale);
                    int r = toByte(pixels[base + p]);
                    int g = channels == 3 ? toByte(pixels[base + plane + p]) : r;
                    int b = channels == 3 ? toByte(pixels[base + 2 * plane + p]) : r;
                    image.setRGB(x0 + x, y0 + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AtomicFiles.write(file, png.toByteArray());
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
