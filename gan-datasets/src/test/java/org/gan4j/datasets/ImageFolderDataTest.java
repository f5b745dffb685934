package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDataTest {
    @TempDir
    Path dir;

    static void solid(Path file, int w, int h, Color color, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        assertTrue(ImageIO.write(image, format, file.toFile()));
    }

    private ImageFolderData folder(String path, int size, int channels) {
        ImageFolderData f = new ImageFolderData();
        f.setPath(path);
        f.setSize(size);
        f.setChannels(channels);
        return f;
    }

    @Test
    void subFoldersAreClassesAndImagesAreCroppedAndScaled() throws IOException {
        solid(dir.resolve("photos/cat/a.png"), 40, 30, new Color(255, 0, 0), "png");
        solid(dir.resolve("photos/cat/b.PNG"), 16, 16, new Color(255, 0, 0), "png");
        solid(dir.resolve("photos/dog/c.png"), 100, 300, new Color(0, 0, 255), "png");
        Files.writeString(dir.resolve("photos/dog/notes.txt"), "not an image");
        ImageSet set = folder("photos", 8, 3).load(new DataContext(dir, 1));
        assertEquals(3, set.size());
        assertEquals(new Shape(3, 8, 8), set.sampleShape());
        assertEquals(2, set.numClasses());
        assertArrayEquals(new int[] {0, 0, 1}, set.labels()); // cat, cat, dog (alphabetical)
        try (SampleSource source = new ImageSamples(set); NDManager m = NDManager.newBaseManager()) {
            Batch b = source.batch(m, 5, 0, 3);
            assertEquals(new Shape(3, 3, 8, 8), b.samples().getShape());
            float[] x = b.samples().toFloatArray();
            int[] labels = b.labels().toIntArray();
            for (int i = 0; i < 3; i++) {
                float red = x[i * 192 + 20];
                float blue = x[i * 192 + 128 + 20];
                assertEquals(labels[i] == 0 ? 1f : -1f, red, 1e-6f);
                assertEquals(labels[i] == 1 ? 1f : -1f, blue, 1e-6f);
            }
        }
    }

    @Test
    void grayUsesLumaAndGrayFilesKeepTheirValues() throws IOException {
        solid(dir.resolve("g/green.png"), 20, 20, new Color(0, 255, 0), "png");
        BufferedImage gray = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                gray.getRaster().setSample(x, y, 0, 128);
            }
        }
        ImageIO.write(gray, "png", dir.resolve("g/mid.png").toFile());
        ImageFolderData f = folder("g", 5, 1);
        ImageSet set = f.load(new DataContext(dir, 1));
        assertNull(set.labels(), "no sub-folders: unlabelled");
        assertEquals(new Shape(1, 5, 5), set.sampleShape());
        assertEquals(Math.round(0.587 * 255), set.pixels()[12] & 0xFF); // green.png sorts first
        assertEquals(128, set.pixels()[25 + 12] & 0xFF);
    }

    @Test
    void readsJpegAndUpscalesSmallImages() throws IOException {
        solid(dir.resolve("j/a.jpg"), 8, 8, new Color(200, 200, 200), "jpg");
        ImageSet set = folder("j", 32, 3).load(new DataContext(dir, 1));
        assertEquals(new Shape(3, 32, 32), set.sampleShape());
        int v = set.pixels()[500] & 0xFF;
        assertTrue(Math.abs(v - 200) <= 3, "jpeg value " + v);
    }

    @Test
    void brokenFilesEmptyFoldersAndLooseImagesAreReported() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> folder("empty", 8, 3).load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("no PNG or JPEG"), e.getMessage());

        solid(dir.resolve("bad/ok.png"), 8, 8, Color.WHITE, "png");
        Files.write(dir.resolve("bad/broken.png"), new byte[] {1, 2, 3, 4});
        e = assertThrows(IOException.class, () -> folder("bad", 8, 3).load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());

        solid(dir.resolve("mixed/cls/a.png"), 8, 8, Color.WHITE, "png");
        solid(dir.resolve("mixed/loose.png"), 8, 8, Color.WHITE, "png");
        e = assertThrows(IOException.class, () -> folder("mixed", 8, 3).load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("loose.png") && e.getMessage().contains("labels: false"), e.getMessage());
        ImageFolderData unlabelled = folder("mixed", 8, 3);
        unlabelled.setLabels(false);
        assertEquals(2, unlabelled.load(new DataContext(dir, 1)).size());

        assertThrows(IllegalArgumentException.class, () -> new ImageFolderData().setChannels(2));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolderData().setSize(0));
    }

    /**
     * A valid 1-bit gray PNG of width × height, all black: a few kilobytes on disk however large its
     * pixel count (rows of zeros deflate to almost nothing).
     */
    static byte[] blackPng(int width, int height) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
                new java.util.zip.Deflater(9))) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0, then the row's bits
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void anImageOverMaxPixelsIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        Files.createDirectories(dir.resolve("huge"));
        Path huge = dir.resolve("huge/big.png");
        Files.write(huge, blackPng(20_000, 20_000));
        assertTrue(Files.size(huge) < 2_000_000, "a small file: " + Files.size(huge));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> folder("huge", 8, 1).load(new DataContext(dir, 1)));
        assertEquals(huge + ": the image is 20000×20000 = 400000000 pixels, more than max_pixels 40000000 (decoding it "
                + "would take about 1600 MB of memory); scale it down, or raise the data's max_pixels together with the "
                + "heap (GAN_JAVA_OPTS=-Xmx...)", e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without decoding");

        // The bound is the setting: an image within it decodes as before.
        Files.write(huge, blackPng(300, 200));
        ImageFolderData small = folder("huge", 8, 1);
        small.setMaxPixels(60_000);
        assertEquals(1, small.load(new DataContext(dir, 1)).size());
        small.setMaxPixels(59_999);
        e = assertThrows(IOException.class, () -> small.load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("300×200 = 60000 pixels, more than max_pixels 59999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small.setMaxPixels(0));
    }
}
