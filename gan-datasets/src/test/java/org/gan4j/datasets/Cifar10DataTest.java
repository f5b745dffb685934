package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10DataTest {
    @TempDir
    Path dir;

    /** {@code n} records with labels first, first+1, ...; record k's R plane is k, G is 100, B is 200. */
    static byte[] records(int n, int first) {
        byte[] out = new byte[n * Cifar10Data.RECORD];
        for (int k = 0; k < n; k++) {
            int at = k * Cifar10Data.RECORD;
            out[at] = (byte) ((first + k) % 10);
            Arrays.fill(out, at + 1, at + 1 + 1024, (byte) (first + k));
            Arrays.fill(out, at + 1 + 1024, at + 1 + 2048, (byte) 100);
            Arrays.fill(out, at + 1 + 2048, at + Cifar10Data.RECORD, (byte) 200);
        }
        return out;
    }

    private void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), records(3, 3 * (b - 1)));
        }
        Files.write(folder.resolve("test_batch.bin"), records(2, 50));
    }

    private static Cifar10Data cifar(String path, String split) {
        Cifar10Data c = new Cifar10Data();
        c.setPath(path);
        c.setSplit(split);
        return c;
    }

    @Test
    void readsTheFiveTrainingBatchesInOrderAsPlanarRgb() throws IOException {
        writeAll(dir.resolve("cifar-10-batches-bin"));
        // the parent of cifar-10-batches-bin is accepted too
        ImageSet train = cifar(".", "train").load(new DataContext(dir, 1));
        assertEquals(15, train.size());
        assertEquals(new Shape(3, 32, 32), train.sampleShape());
        assertEquals(10, train.numClasses());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4}, train.labels());
        ImageSet test = cifar("cifar-10-batches-bin", "test").load(new DataContext(dir, 1));
        assertEquals(2, test.size());
        assertEquals(0, test.labels()[0]); // 50 % 10
        try (SampleSource source = new ImageSamples(train); NDManager m = NDManager.newBaseManager()) {
            Batch b = source.batch(m, 2, 0, 4);
            assertEquals(new Shape(4, 3, 32, 32), b.samples().getShape());
            float[] x = b.samples().toFloatArray();
            int[] labels = b.labels().toIntArray();
            for (int i = 0; i < 4; i++) {
                int base = i * 3072;
                int record = Math.round((x[base] + 1) * 127.5f);
                assertEquals(record % 10, labels[i]);
                assertEquals(100 / 127.5f - 1, x[base + 1024 + 5], 1e-6f); // G plane
                assertEquals(200 / 127.5f - 1, x[base + 2048 + 1023], 1e-6f); // B plane
            }
        }
    }

    @Test
    void labelsCanBeDroppedAndLimited() throws IOException {
        writeAll(dir);
        Cifar10Data c = cifar(dir.toString(), "train");
        c.setLabels(false);
        c.setLimit(4);
        ImageSet set = c.load(new DataContext(dir, 1));
        assertEquals(4, set.size());
        assertNull(set.labels());
    }

    @Test
    void truncatedMissingAndForeignFilesAreReported() throws IOException {
        writeAll(dir);
        byte[] cut = Arrays.copyOf(records(2, 0), Cifar10Data.RECORD + 100);
        Files.write(dir.resolve("data_batch_3.bin"), cut);
        IOException e = assertThrows(IOException.class, () -> cifar(".", "train").load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("3173 bytes")
                && e.getMessage().contains("3073"), e.getMessage());

        byte[] foreign = records(1, 0);
        foreign[0] = 42;
        Files.write(dir.resolve("data_batch_3.bin"), foreign);
        e = assertThrows(IOException.class, () -> cifar(".", "train").load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("label 42"), e.getMessage());

        Files.delete(dir.resolve("data_batch_3.bin"));
        e = assertThrows(IOException.class, () -> cifar(".", "train").load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());

        e = assertThrows(IOException.class, () -> new Cifar10Data().load(new DataContext(dir, 1)));
        assertTrue(e.getMessage().contains("needs path"), e.getMessage());
    }
}
