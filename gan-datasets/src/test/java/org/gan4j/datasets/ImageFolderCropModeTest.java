package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

class ImageFolderCropModeTest {
    @TempDir
    Path dir;

    /** A w×h PNG: red with a blue band per row (so mirroring shows), its right-most {@code held} columns green. */
    static void marked(Path file, int w, int h, int held) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w - held, h);
        g.setColor(Color.GREEN);
        g.fillRect(w - held, 0, held, h);
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w - held; x += 7) {
                image.setRGB(x, y, 0x0000FF); // every 7th training column blue
            }
        }
        assertTrue(ImageIO.write(image, "png", file.toFile()));
    }

    private ImageFolderData crops(String path, int crop) {
        ImageFolderData f = new ImageFolderData();
        f.setPath(path);
        f.setCropSize(crop);
        f.setMaxSide(0);
        return f;
    }

    @Test
    void cropModeServesTrainingCropsLeftOfTheHeldOutStripAndNoLabels() throws IOException {
        // 100 wide, holdout 0.2: the 20 green columns are exactly the held-out strip; class sub-folders
        marked(dir.resolve("pics/a/one.png"), 100, 40, 20);
        marked(dir.resolve("pics/b/two.png"), 50, 60, 10);
        ImageFolderData f = crops("pics", 8);
        f.validate();
        try (SampleSource source = f.open(new DataContext(dir, 1)); NDManager m = NDManager.newBaseManager()) {
            assertInstanceOf(PhotoCrops.class, source);
            assertEquals(new Shape(3, 8, 8), source.sampleShape());
            assertEquals(-1, source.size());
            assertEquals(0, source.numClasses(), "no labels in crop mode");
            SampleSource held = source.heldOut();
            assertNotSame(source, held);
            for (int index = 0; index < 20; index++) {
                Batch b = source.batch(m, 2, index, 16);
                assertNull(b.labels());
                assertEquals(new Shape(16, 3, 8, 8), b.samples().getShape());
                float[] x = b.samples().toFloatArray();
                for (int i = 0; i < 16; i++) {
                    for (int p = 0; p < 64; p++) {
                        assertEquals(-1f, x[i * 192 + 64 + p], 0f, "no green in a training crop");
                    }
                }
                float[] h = held.batch(m, 2, index, 16).samples().toFloatArray();
                for (int i = 0; i < 16; i++) {
                    for (int p = 0; p < 64; p++) {
                        assertEquals(-1f, h[i * 192 + p], 0f, "no red in a held-out crop");
                        assertEquals(1f, h[i * 192 + 64 + p], 0f, "all green");
                    }
                }
            }
        }
    }

    @Test
    void imagesAreScaledToMaxSideAndTheLimitApplies() throws IOException {
        marked(dir.resolve("big/a.png"), 200, 100, 40);
        marked(dir.resolve("big/b.png"), 60, 300, 12);
        marked(dir.resolve("big/c.png"), 80, 80, 16);
        ImageFolderData f = crops("big", 10);
        f.setMaxSide(50);
        f.setLimit(2);
        f.setChannels(1);
        f.setFlip(false);
        f.setHoldout(0); // b.png is only 10 columns wide once scaled
        PhotoCrops source = f.crops(new DataContext(dir, 1));
        assertEquals(2, source.photos().size());
        assertEquals(50, source.photos().get(0).width());
        assertEquals(25, source.photos().get(0).height());
        assertEquals(10, source.photos().get(1).width());
        assertEquals(50, source.photos().get(1).height());
        assertTrue(source.photos().get(0).name().endsWith("a.png"));
        assertEquals(new Shape(1, 10, 10), source.sampleShape());
    }

    @Test
    void defaultsKeepTheWholeImageModeAndBadSettingsAreReported() throws IOException {
        marked(dir.resolve("pics/one.png"), 100, 40, 20);
        ImageFolderData whole = new ImageFolderData();
        whole.setPath("pics");
        whole.setSize(8);
        assertEquals(0, whole.getCropSize());
        try (SampleSource s = whole.open(new DataContext(dir, 1))) {
            assertInstanceOf(ImageSamples.class, s);
            assertEquals(new Shape(3, 8, 8), s.sampleShape());
            assertEquals(1, s.size());
        }

        ImageFolderData f = crops("pics", 300);
        f.setMaxSide(256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::validate);
        assertTrue(e.getMessage().startsWith("crop_size: 300 is larger than max_side 256"), e.getMessage());

        ImageFolderData tooNarrow = crops("pics", 32);
        e = assertThrows(IllegalArgumentException.class, () -> tooNarrow.open(new DataContext(dir, 1)));
        assertTrue(e.getMessage().startsWith(dir.resolve("pics/one.png") + ": the held-out strip is 20 columns wide "
                + "(holdout 0.2 of the scaled width 100), narrower than crop_size 32"), e.getMessage());

        ImageFolderData tooSmall = crops("pics", 41);
        e = assertThrows(IllegalArgumentException.class, () -> tooSmall.open(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("one.png: 100×40 pixels after scaling, smaller than crop_size 41"),
                e.getMessage());

        Files.write(dir.resolve("pics/broken.png"), new byte[] {1, 2, 3});
        IOException io = assertThrows(IOException.class, () -> crops("pics", 8).open(new DataContext(dir, 1)));
        assertTrue(io.getMessage().contains("broken.png"), io.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new ImageFolderData().setCropSize(-1));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolderData().setMaxSide(-1));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolderData().setHoldout(1.5));
    }
}
