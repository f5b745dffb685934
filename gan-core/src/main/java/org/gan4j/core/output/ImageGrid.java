package org.gan4j.core.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.api.support.AtomicFiles;

/** A PNG grid of images stored as (n, C, H, W) floats in [-1, 1] (C = 1 gray or 3 RGB), one row per {@code columns}. */
public final class ImageGrid {
    private static final int PAD = 2;

    private ImageGrid() {}

    public static void write(Path file, float[] pixels, int n, int channels, int height, int width, int columns)
            throws IOException {
        write(file, pixels, n, channels, height, width, columns, java.util.List.of());
    }

    /** A grid with a title above each column (e.g. condition, baseline, output, target); none when empty. */
    public static void write(Path file, float[] pixels, int n, int channels, int height, int width, int columns,
            java.util.List<String> columnTitles) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(render(pixels, n, channels, height, width, columns, columnTitles), "png", png);
        AtomicFiles.write(file, png.toByteArray());
    }

    /** Width and height in pixels of the grid {@link #render} draws, computed without drawing it. */
    public static long[] size(long n, int height, int width, int columns, boolean titled) {
        long rows = (n + columns - 1) / columns;
        long scale = Math.max(1, 512 / Math.max(1L, (long) columns * width));
        return new long[] {columns * (width * scale + PAD) + PAD, rows * (height * scale + PAD) + PAD + (titled ? 18 : 0)};
    }

    /** The grid as an image (see {@link #write}). */
    public static BufferedImage render(float[] pixels, int n, int channels, int height, int width, int columns,
            java.util.List<String> columnTitles) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image grid needs 1 or 3 channels, got " + channels);
        }
        int rows = (n + columns - 1) / columns;
        int scale = Math.max(1, 512 / Math.max(1, columns * width)); // small images are enlarged for viewing
        int cell = width * scale + PAD;
        int cellH = height * scale + PAD;
        int header = columnTitles.isEmpty() ? 0 : 18;
        BufferedImage image = new BufferedImage(columns * cell + PAD, rows * cellH + PAD + header,
                BufferedImage.TYPE_INT_RGB);
        if (header > 0) {
            java.awt.Graphics2D g = image.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            for (int c = 0; c < Math.min(columns, columnTitles.size()); c++) {
                g.drawString(columnTitles.get(c), PAD + c * cell + 2, 13);
            }
            g.dispose();
        }
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            int x0 = PAD + (i % columns) * cell;
            int y0 = PAD + header + (i / columns) * cellH;
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
        return image;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
