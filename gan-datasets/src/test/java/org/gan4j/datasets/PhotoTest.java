package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoTest {

    @Test
    void decodesRgbPlanesAndGrayByLuma() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x00FF80);
        Photo rgb = Photo.of(image, "t", 3);
        assertArrayEquals(new float[] {1, -1, -1, 1, -1, 128 / 127.5f - 1}, rgb.pixels(), 1e-6f);
        Photo gray = Photo.of(image, "t", 1);
        assertEquals(0.299 * 255 / 127.5 - 1, gray.at(0, 0, 0), 1e-6);
        assertEquals((0.587 * 255 + 0.114 * 128) / 127.5 - 1, gray.at(0, 0, 1), 1e-6);
    }

    @Test
    void scalingDownAveragesTheAreaEachPixelCovers() {
        // 1×2×4 → longer side 2: each output pixel is the mean of a 2×2 block
        Photo p = new Photo("t", 1, 2, 4, new float[] {0, 0.2f, 0.4f, 0.6f, 0.2f, 0.2f, -1, 1});
        Photo half = p.fitted(2);
        assertEquals(1, half.height());
        assertEquals(2, half.width());
        assertArrayEquals(new float[] {0.15f, 0.25f}, half.pixels(), 1e-6f);
        // 3 columns onto 2: weights (1, 0.5) and (0.5, 1) over 1.5
        Photo row = new Photo("t", 1, 1, 3, new float[] {0.3f, 0.6f, -0.3f}).fitted(2);
        assertEquals(2, row.width());
        assertArrayEquals(new float[] {(0.3f + 0.3f) / 1.5f, (0.3f - 0.3f) / 1.5f}, row.pixels(), 1e-6f);
    }

    @Test
    void scalingKeepsTheAspectRatioTheMeanAndTheRange() {
        Random random = new Random(4);
        float[] px = new float[3 * 37 * 91];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextBoolean() ? 1f : -1f;
        }
        Photo p = new Photo("t", 3, 37, 91, px);
        Photo small = p.fitted(30);
        assertEquals(30, small.width());
        assertEquals(12, small.height(), "37 · 30/91 = 12.2");
        for (int c = 0; c < 3; c++) {
            assertEquals(mean(p, c), mean(small, c), 0.02, "channel " + c);
        }
        for (float v : small.pixels()) {
            assertEquals(0, v, 1.0, "in [-1, 1]: " + v);
        }
        assertSame(p, p.fitted(0), "0 keeps the size");
        assertSame(p, p.fitted(91), "never scaled up");
        assertSame(p, p.fitted(500));
        assertThrows(IllegalArgumentException.class, () -> new Photo("t", 2, 1, 1, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> new Photo("t", 1, 2, 2, new float[3]));
    }

    private static double mean(Photo p, int c) {
        double sum = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                sum += p.at(c, y, x);
            }
        }
        return sum / (p.height() * p.width());
    }
}
