package org.gan4j.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file only after its header's width × height passed a pixel bound: a small file can
 * announce a huge image (a 1 MB PNG of 20000×20000 decodes to 1.6 GB), and decoding it would exhaust
 * the heap. ImageIO's readers give the size from the header without decoding.
 */
final class BoundedImageReader {
    /**
     * The default bound: 40 megapixels (e.g. 8000×5000) decode to at most ~160 MB (4 bytes per pixel) plus
     * an RGB copy of the same size, which fits the launcher's default heap (-Xmx2g) with room for training.
     */
    static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private BoundedImageReader() {}

    /** The decoded image, or an error naming the file (not an image, over {@code maxPixels}, undecodable). */
    static BufferedImage read(Path file, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width;
                long height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new IOException(file + ": cannot decode the image: " + e.getMessage(), e);
                }
                if (width * height > maxPixels) {
                    throw new IOException(file + ": the image is " + width + "×" + height + " = " + width * height
                            + " pixels, more than max_pixels " + maxPixels + " (decoding it would take about "
                            + width * height * 4 / 1_000_000 + " MB of memory); scale it down, or raise the data's "
                            + "max_pixels together with the heap (GAN_JAVA_OPTS=-Xmx...)");
                }
                BufferedImage image;
                try {
                    image = reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw new IOException(file + ": cannot decode the image: " + e.getMessage(), e);
                }
                if (image == null) {
                    throw new IOException(file + ": not a readable PNG or JPEG image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }
}
