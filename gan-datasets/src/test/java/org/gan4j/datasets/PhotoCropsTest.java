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
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;

class PhotoCropsTest {
    static final float STEP = 0.001f;
    static final float HELD = 0.5f;

    /**
     * A gray width×height image that encodes its columns: training column x (x < split) holds
     * −0.9 + x·STEP + id·0.1 (all < 0 for small ids), held-out column x holds HELD + (x − split)·STEP,
     * so a crop tells which part it came from, where, and whether it was mirrored.
     */
    static Photo columns(String name, int width, int height, int split, int id) {
        float[] px = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                px[y * width + x] = x < split ? -0.9f + x * STEP + id * 0.1f : HELD + (x - split) * STEP;
            }
        }
        return new Photo(name, 1, height, width, px);
    }

    /** The crops of a batch, each as a crop×crop row-major array. */
    static float[][] crops(Batch batch, int crop) {
        float[] x = batch.samples().toFloatArray();
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(x, i * crop * crop, (i + 1) * crop * crop);
        }
        return out;
    }

    /** +1 when the first row increases left to right, −1 when it decreases (a mirrored crop). */
    static int direction(float[] crop) {
        return crop[1] > crop[0] ? 1 : -1;
    }

    @Test
    void trainingCropsNeverTouchTheHeldOutStripAndHeldOutCropsLieInsideIt() {
        // width 100, holdout 0.2: columns 80..99 are held out
        PhotoCrops source = new PhotoCrops(List.of(columns("a", 100, 40, 80, 0)), 16, 0.2, true);
        assertEquals(80, source.heldOutStart(0));
        SampleSource held = source.heldOut();
        assertNotSame(source, held);
        int minColumn = Integer.MAX_VALUE;
        int maxColumn = Integer.MIN_VALUE;
        int mirrored = 0;
        int minHeld = Integer.MAX_VALUE;
        int maxHeld = Integer.MIN_VALUE;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int index = 0; index < 50; index++) {
                for (float[] crop : crops(source.batch(m, 7, index, 32), 16)) {
                    for (float v : crop) {
                        assertTrue(v < 0, "a training crop holds held-out value " + v);
                    }
                    int dir = direction(crop);
                    // every row is the same run of consecutive columns, one way or the other
                    for (int row = 0; row < 16; row++) {
                        for (int k = 1; k < 16; k++) {
                            assertEquals(dir * STEP, crop[row * 16 + k] - crop[row * 16 + k - 1], 1e-5f);
                        }
                    }
                    mirrored += dir < 0 ? 1 : 0;
                    int first = Math.round((Math.min(crop[0], crop[15]) + 0.9f) / STEP);
                    minColumn = Math.min(minColumn, first);
                    maxColumn = Math.max(maxColumn, first + 15);
                }
                for (float[] crop : crops(held.batch(m, 7, index, 32), 16)) {
                    for (float v : crop) {
                        assertTrue(v >= HELD, "a held-out crop holds training value " + v);
                    }
                    assertEquals(1, direction(crop), "held-out crops are never mirrored");
                    int first = 80 + Math.round((crop[0] - HELD) / STEP);
                    minHeld = Math.min(minHeld, first);
                    maxHeld = Math.max(maxHeld, first + 15);
                }
            }
        }
        assertEquals(0, minColumn, "training crops reach the left edge");
        assertEquals(79, maxColumn, "and the last training column, but no further");
        assertEquals(80, minHeld);
        assertEquals(99, maxHeld);
        assertTrue(mirrored > 600 && mirrored < 1000, "about half of 1600 training crops mirrored: " + mirrored);
    }

    @Test
    void withoutFlipTrainingCropsAreNeverMirrored() {
        PhotoCrops source = new PhotoCrops(List.of(columns("a", 100, 40, 80, 0)), 16, 0.2, false);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int index = 0; index < 10; index++) {
                for (float[] crop : crops(source.batch(m, 3, index, 32), 16)) {
                    assertEquals(1, direction(crop));
                }
            }
        }
    }

    @Test
    void photographsAreChosenInProportionToTheAreaOfTheirPart() {
        // b's training part is three times a's (80×120 vs 80×40)
        PhotoCrops source = new PhotoCrops(
                List.of(columns("a", 100, 40, 80, 0), columns("b", 100, 120, 80, 5)), 16, 0.2, false);
        int fromB = 0;
        int total = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int index = 0; index < 100; index++) {
                for (float[] crop : crops(source.batch(m, 1, index, 40), 16)) {
                    fromB += crop[0] > -0.6f ? 1 : 0; // b's values are offset by 0.5
                    total++;
                }
            }
        }
        double share = (double) fromB / total;
        assertEquals(0.75, share, 0.03, "share of crops from b");
    }

    @Test
    void batchesArePureFunctionsOfSeedAndIndex() {
        List<Photo> photos = List.of(columns("a", 100, 40, 80, 0), columns("b", 60, 50, 48, 3));
        PhotoCrops one = new PhotoCrops(photos, 12, 0.2, true);
        PhotoCrops two = new PhotoCrops(photos, 12, 0.2, true);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] late = one.batch(m, 9, 5, 8).samples().toFloatArray(); // asked first, out of order
            one.batch(m, 9, 0, 8);
            one.batch(m, 2, 5, 8);
            assertArrayEquals(late, one.batch(m, 9, 5, 8).samples().toFloatArray());
            assertArrayEquals(late, two.batch(m, 9, 5, 8).samples().toFloatArray(), "a fresh source, the same batch");
            assertFalse(Arrays.equals(late, one.batch(m, 9, 6, 8).samples().toFloatArray()), "another index");
            assertFalse(Arrays.equals(late, one.batch(m, 10, 5, 8).samples().toFloatArray()), "another seed");
            float[] held = one.heldOut().batch(m, 9, 5, 8).samples().toFloatArray();
            assertArrayEquals(held, two.heldOut().batch(m, 9, 5, 8).samples().toFloatArray());
            assertFalse(Arrays.equals(held, one.heldOut().batch(m, 9, 6, 8).samples().toFloatArray()));
        }
    }

    @Test
    void shapeSizeLabelsAndManagers() {
        float[] rgb = new float[3 * 30 * 50];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i < 1500 ? -0.5f : i < 3000 ? 0f : 0.5f; // R, G and B planes
        }
        PhotoCrops source = new PhotoCrops(List.of(new Photo("rgb", 3, 30, 50, rgb)), 8, 0.25, true);
        assertEquals(new Shape(3, 8, 8), source.sampleShape());
        assertEquals(new Shape(3, 8, 8), source.heldOut().sampleShape());
        assertEquals(-1, source.size());
        assertEquals(-1, source.heldOut().size());
        assertEquals(0, source.numClasses());
        assertEquals(37, source.heldOutStart(0), "round(0.25 · 50) = 13 columns held out");
        try (NDManager root = NDManager.newBaseManager()) {
            try (NDManager scope = root.newSubManager()) {
                Batch b = source.batch(scope, 1, 0, 5);
                assertEquals(new Shape(5, 3, 8, 8), b.samples().getShape());
                assertNull(b.labels());
                assertEquals(scope, b.samples().getManager());
                float[] x = b.samples().toFloatArray();
                for (int i = 0; i < 5; i++) {
                    assertEquals(-0.5f, x[i * 192], 0f);
                    assertEquals(0f, x[i * 192 + 64], 0f);
                    assertEquals(0.5f, x[i * 192 + 128 + 63], 0f);
                }
            }
            assertThrows(IllegalArgumentException.class, () -> source.batch(root, 1, -1, 8));
            assertThrows(IllegalArgumentException.class, () -> source.batch(root, 1, 0, 0));
        }
    }

    @Test
    void withoutHoldoutTheWholeImageIsTrainingAndHeldOutIsTheSource() {
        PhotoCrops source = new PhotoCrops(List.of(columns("a", 20, 10, 20, 0)), 10, 0, false);
        assertSame(source, source.heldOut());
        assertEquals(20, source.heldOutStart(0));
        int maxColumn = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int index = 0; index < 20; index++) {
                for (float[] crop : crops(source.batch(m, 1, index, 16), 10)) {
                    maxColumn = Math.max(maxColumn, Math.round((crop[9] + 0.9f) / STEP));
                }
            }
        }
        assertEquals(19, maxColumn, "crops reach the right edge");
    }

    @Test
    void aHeldOutStripNarrowerThanACropIsReportedWithWhatToChange() {
        Photo wide = columns("wide.png", 200, 40, 200, 0);
        Photo narrow = columns("narrow.png", 100, 40, 100, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PhotoCrops(List.of(wide, narrow), 16, 0.1, true));
        assertEquals("narrow.png: the held-out strip is 10 columns wide (holdout 0.1 of the scaled width 100), "
                + "narrower than crop_size 16; raise holdout to at least 0.16, lower crop_size, raise max_side, "
                + "or set holdout: 0 (no held-out part)", e.getMessage());
        // 0.16 is indeed enough
        assertEquals(16, 100 - new PhotoCrops(List.of(narrow), 16, 0.16, true).heldOutStart(0));

        e = assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(columns("n.png", 30, 40, 30, 0)),
                16, 0.2, true));
        assertEquals("n.png: the held-out strip is 6 columns wide (holdout 0.2 of the scaled width 30), narrower "
                + "than crop_size 16; lower crop_size, raise max_side, or set holdout: 0 (no held-out part)",
                e.getMessage(), "too narrow for two crops: no holdout would do");

        e = assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(narrow), 16, 0.9, true));
        assertEquals("narrow.png: the training part is 10 columns wide (the scaled width 100 less the held-out "
                + "strip of 90 = holdout 0.9), narrower than crop_size 16; lower holdout, lower crop_size, "
                + "or raise max_side", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(narrow), 41, 0.5, true));
        assertEquals("narrow.png: 100×40 pixels after scaling, smaller than crop_size 41; lower crop_size or raise "
                + "max_side (0 keeps the full size)", e.getMessage());

        Photo rgb = new Photo("rgb.png", 3, 40, 100, new float[3 * 4000]);
        e = assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(narrow, rgb), 16, 0.2, true));
        assertTrue(e.getMessage().contains("rgb.png: 3 channels, but narrow.png has 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(narrow), 16, 1.0, true));
        assertThrows(IllegalArgumentException.class, () -> new PhotoCrops(List.of(), 16, 0.2, true));
    }
}
