package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.data.Batch;
import org.junit.jupiter.api.Test;

class ImageSamplesTest {

    /** n images of shape (1, 2, 2); every pixel of image i holds byte i, its label is i % 3. */
    static ImageSamples numbered(int n, boolean labelled) {
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
            labels[i] = i % 3;
        }
        return new ImageSamples(new ImageSet(pixels, labelled ? labels : null, labelled ? 3 : 0,
                new Shape(1, 2, 2), "test"));
    }

    /** The image ids of a batch, decoded from the first pixel of each sample. */
    static int[] ids(Batch batch) {
        float[] x = batch.samples().toFloatArray();
        int[] ids = new int[batch.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.round((x[i * 4] + 1) * 127.5f);
        }
        return ids;
    }

    @Test
    void everyEpochVisitsEverySampleExactlyOnceAcrossBatchBoundaries() {
        ImageSamples source = numbered(10, true);
        try (NDManager m = NDManager.newBaseManager()) {
            List<Integer> stream = new ArrayList<>();
            for (int index = 0; index < 5; index++) { // 5 batches of 4 = 2 epochs of 10
                Batch b = source.batch(m, 11, index, 4);
                assertEquals(new Shape(4, 1, 2, 2), b.samples().getShape());
                for (int id : ids(b)) {
                    stream.add(id);
                }
            }
            List<Integer> first = new ArrayList<>(stream.subList(0, 10));
            List<Integer> second = new ArrayList<>(stream.subList(10, 20));
            assertFalse(first.equals(second), "a fresh permutation per epoch");
            first.sort(null);
            second.sort(null);
            List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertEquals(all, first);
            assertEquals(all, second);
        }
    }

    @Test
    void batchesArePureFunctionsOfSeedAndIndex() {
        ImageSamples a = numbered(50, false);
        ImageSamples b = numbered(50, false);
        try (NDManager m = NDManager.newBaseManager()) {
            int[] late = ids(a.batch(m, 3, 7, 16)); // asked first, and out of order
            ids(a.batch(m, 3, 0, 16));
            ids(a.batch(m, 4, 2, 16));
            assertArrayEquals(late, ids(a.batch(m, 3, 7, 16)));
            assertArrayEquals(late, ids(b.batch(m, 3, 7, 16)), "a fresh source gives the same batch");
            assertFalse(Arrays.equals(late, ids(a.batch(m, 4, 7, 16))), "another seed, another order");
            assertFalse(Arrays.equals(late, ids(a.batch(m, 3, 8, 16))));
        }
    }

    @Test
    void labelsFollowTheirImagesAndBatchesMayExceedTheSet() {
        ImageSamples source = numbered(7, true);
        assertEquals(3, source.numClasses());
        assertEquals(7, source.size());
        try (NDManager m = NDManager.newBaseManager()) {
            Batch b = source.batch(m, 1, 0, 20); // spans three epochs
            int[] ids = ids(b);
            assertEquals(DataType.INT32, b.labels().getDataType());
            assertEquals(new Shape(20), b.labels().getShape());
            int[] labels = b.labels().toIntArray();
            for (int i = 0; i < ids.length; i++) {
                assertEquals(ids[i] % 3, labels[i]);
            }
            assertNull(numbered(7, false).batch(m, 1, 0, 4).labels());
        }
    }

    @Test
    void pixelsAreScaledToMinusOneOne() {
        byte[] pixels = {0, (byte) 255, (byte) 51, (byte) 128};
        ImageSamples source = new ImageSamples(new ImageSet(pixels, null, 0, new Shape(1, 2, 2), "t"));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = source.batch(m, 0, 0, 1).samples().toFloatArray();
            assertArrayEquals(new float[] {-1f, 1f, 51 / 127.5f - 1, 128 / 127.5f - 1}, x, 1e-6f);
        }
    }

    @Test
    void arraysBelongToTheGivenManager() {
        ImageSamples source = numbered(10, true);
        try (NDManager root = NDManager.newBaseManager()) {
            int before = root.getManagedArrays().size();
            for (int step = 0; step < 50; step++) {
                try (NDManager scope = root.newSubManager()) {
                    Batch b = source.batch(scope, 1, step, 8);
                    assertEquals(scope, b.samples().getManager());
                    assertEquals(scope, b.labels().getManager());
                }
            }
            assertEquals(before, root.getManagedArrays().size());
            assertThrows(IllegalArgumentException.class, () -> source.batch(root, 1, -1, 8));
            assertThrows(IllegalArgumentException.class, () -> source.batch(root, 1, 0, 0));
        }
    }
}
