package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;

class PhotosDataTest {
    /** A folder that does not exist: the source must not read anything from disk. */
    static final DataContext NOWHERE = new DataContext(Path.of("/nonexistent-gan4j-test"), 1);

    static void assertInRange(float[] values) {
        for (float v : values) {
            assertTrue(v >= -1f && v <= 1f, "value in [-1, 1]: " + v);
        }
    }

    @Test
    void theSixEmbeddedPhotographsLoadAtFullAndScaledSize() throws IOException {
        List<Photo> full = PhotosData.load(3, 0);
        assertEquals(6, full.size());
        int[][] sizes = {{512, 512}, {451, 300}, {600, 400}, {1000, 872}, {1411, 1411}, {640, 427}}; // w, h
        for (int i = 0; i < 6; i++) {
            Photo p = full.get(i);
            assertEquals(PhotosData.NAMES.get(i), p.name());
            assertEquals(3, p.channels());
            assertEquals(sizes[i][0], p.width(), p.name());
            assertEquals(sizes[i][1], p.height(), p.name());
            assertInRange(p.pixels());
            float min = 1;
            float max = -1;
            for (float v : p.pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(max - min > 0.5, p.name() + " is a photograph, not a flat image");
        }
        List<Photo> scaled = PhotosData.load(3, 256);
        for (int i = 0; i < 6; i++) {
            Photo p = scaled.get(i);
            assertEquals(256, Math.max(p.width(), p.height()), p.name());
            double aspect = (double) sizes[i][0] / sizes[i][1];
            assertEquals(aspect, (double) p.width() / p.height(), 0.01, p.name());
            assertInRange(p.pixels());
        }
        // gray is the luma of the colour planes (scaling is linear, so it commutes with luma)
        Photo gray = PhotosData.load(1, 256).get(1);
        Photo rgb = scaled.get(1);
        assertEquals(1, gray.channels());
        for (int[] yx : new int[][] {{0, 0}, {100, 37}, {169, 255}}) {
            double luma = 0.299 * rgb.at(0, yx[0], yx[1]) + 0.587 * rgb.at(1, yx[0], yx[1])
                    + 0.114 * rgb.at(2, yx[0], yx[1]);
            assertEquals(luma, gray.at(0, yx[0], yx[1]), 1e-4);
        }
    }

    @Test
    void openedSourceServesDeterministicCropsAndAHeldOutPart() throws IOException {
        PhotosData data = new PhotosData();
        data.validate();
        try (SampleSource a = data.open(NOWHERE); SampleSource b = data.open(NOWHERE);
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(new Shape(3, 32, 32), a.sampleShape());
            assertEquals(-1, a.size());
            assertEquals(0, a.numClasses());
            Batch batch = a.batch(m, 5, 3, 16);
            assertEquals(new Shape(16, 3, 32, 32), batch.samples().getShape());
            assertNull(batch.labels());
            float[] x = batch.samples().toFloatArray();
            assertInRange(x);
            assertArrayEquals(x, b.batch(m, 5, 3, 16).samples().toFloatArray(), "same (seed, index), same crops");
            assertFalse(Arrays.equals(x, a.batch(m, 5, 4, 16).samples().toFloatArray()), "another index");
            assertFalse(Arrays.equals(x, a.batch(m, 6, 3, 16).samples().toFloatArray()), "another seed");

            SampleSource held = a.heldOut();
            assertNotSame(a, held);
            assertEquals(new Shape(3, 32, 32), held.sampleShape());
            float[] h = held.batch(m, 5, 3, 16).samples().toFloatArray();
            assertInRange(h);
            assertArrayEquals(h, b.heldOut().batch(m, 5, 3, 16).samples().toFloatArray());
            assertFalse(Arrays.equals(x, h));

            // every photograph keeps its right-most fifth for evaluation
            PhotoCrops crops = (PhotoCrops) a;
            for (int i = 0; i < 6; i++) {
                Photo p = crops.photos().get(i);
                assertEquals(Math.round(0.2 * p.width()), p.width() - crops.heldOutStart(i), p.name());
            }
        }
    }

    @Test
    void grayAndOtherSettings() throws IOException {
        PhotosData data = new PhotosData();
        data.setChannels(1);
        data.setCropSize(16);
        data.setMaxSide(128);
        data.setHoldout(0);
        data.setFlip(false);
        try (SampleSource s = data.open(NOWHERE); NDManager m = NDManager.newBaseManager()) {
            assertEquals(new Shape(1, 16, 16), s.sampleShape());
            assertSame(s, s.heldOut(), "holdout 0: nothing held out");
            assertEquals(new Shape(4, 1, 16, 16), s.batch(m, 1, 0, 4).samples().getShape());
            for (Photo p : ((PhotoCrops) s).photos()) {
                assertEquals(128, Math.max(p.width(), p.height()));
            }
        }
    }

    @Test
    void settingsAreCheckedWithClearMessages() throws IOException {
        PhotosData data = new PhotosData();
        assertEquals("must be 1 (gray) or 3 (RGB), got 2",
                assertThrows(IllegalArgumentException.class, () -> data.setChannels(2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.setCropSize(0));
        assertThrows(IllegalArgumentException.class, () -> data.setMaxSide(-1));
        assertThrows(IllegalArgumentException.class, () -> data.setHoldout(1));
        assertThrows(IllegalArgumentException.class, () -> data.setHoldout(-0.1));
        assertThrows(IllegalArgumentException.class, () -> data.setHoldout(Double.NaN));

        data.setCropSize(300);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, data::validate);
        assertEquals("crop_size: 300 is larger than max_side 256 (every image's longer side is scaled to at most "
                + "max_side); lower crop_size or raise max_side (0 keeps the full size)", e.getMessage());

        // 64-pixel crops need a strip of 64 columns; at 256 pixels the astronaut keeps 51
        data.setCropSize(64);
        data.validate();
        e = assertThrows(IllegalArgumentException.class, () -> data.open(NOWHERE));
        assertEquals("astronaut.png: the held-out strip is 51 columns wide (holdout 0.2 of the scaled width 256), "
                + "narrower than crop_size 64; raise holdout to at least 0.25, lower crop_size, raise max_side, "
                + "or set holdout: 0 (no held-out part)", e.getMessage());
    }
}
