package org.gan4j.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Test support shared by the modules' tests (gan-api's test-jar): a written picture is checked by decoding
 * it, a readable image of the expected size that is not blank.
 */
public final class ImageChecks {
    private ImageChecks() {}

    /** Decodes {@code file} and asserts it is {@code width}×{@code height} with more than one distinct colour. */
    public static BufferedImage assertPicture(Path file, int width, int height) throws IOException {
        BufferedImage image = assertNotBlank(file);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), file + ": size");
        return image;
    }

    /** Decodes {@code file} and asserts it has more than one distinct colour (any size). */
    public static BufferedImage assertNotBlank(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was written");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes as an image");
        assertTrue(distinctColours(image, 2) > 1, file + " is blank: one colour only");
        return image;
    }

    /** Distinct ARGB values in {@code image}, counting stops at {@code enough}. */
    public static int distinctColours(BufferedImage image, int enough) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (seen.add(image.getRGB(x, y)) && seen.size() >= enough) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }
}
