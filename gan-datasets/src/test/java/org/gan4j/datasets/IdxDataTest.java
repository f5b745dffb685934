package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDataTest {
    @TempDir
    Path dir;

    /** The bytes of an IDX images file: magic, count, rows, cols, then {@code pixels}. */
    static byte[] imagesFile(int magic, int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labelsFile(int count, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxFiles.LABELS_MAGIC);
        out.writeInt(count);
        out.write(labels);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** n images of 3×2 pixels; image i holds bytes 10i..10i+5, label i % 4. */
    static byte[][] tinySet(int n) {
        byte[] pixels = new byte[n * 6];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                pixels[i * 6 + j] = (byte) (10 * i + j);
            }
            labels[i] = (byte) (i % 4);
        }
        return new byte[][] {pixels, labels};
    }

    private void writeSplit(Path folder, String prefix, int n, boolean gz, boolean dotted) throws IOException {
        Files.createDirectories(folder);
        byte[][] set = tinySet(n);
        byte[] images = imagesFile(IdxFiles.IMAGES_MAGIC, n, 3, 2, set[0]);
        byte[] labels = labelsFile(n, set[1]);
        String sep = dotted ? "." : "-";
        String suffix = gz ? ".gz" : "";
        Files.write(folder.resolve(prefix + "-images" + sep + "idx3-ubyte" + suffix), gz ? gzip(images) : images);
        Files.write(folder.resolve(prefix + "-labels" + sep + "idx1-ubyte" + suffix), gz ? gzip(labels) : labels);
    }

    private IdxData idx(String path, String split) {
        IdxData idx = new IdxData();
        idx.setPath(path);
        idx.setSplit(split);
        return idx;
    }

    private DataContext context() {
        return new DataContext(dir, 1);
    }

    @Test
    void readsRawAndGzippedSplitsRelativeToTheConfigFolder() throws IOException {
        writeSplit(dir.resolve("mnist"), "train", 6, true, false);
        writeSplit(dir.resolve("mnist"), "t10k", 4, false, false);
        for (String split : new String[] {"train", "test"}) {
            ImageSet set = idx("mnist", split).load(context());
            int n = split.equals("train") ? 6 : 4;
            assertEquals(n, set.size());
            assertEquals(new Shape(1, 3, 2), set.sampleShape());
            assertArrayEquals(tinySet(n)[0], set.pixels());
            assertEquals(4, set.numClasses());
            assertEquals(3, set.labels()[3]);
        }
        try (SampleSource source = idx("mnist", "train").open(context()); NDManager m = NDManager.newBaseManager()) {
            assertEquals(6, source.size());
            Batch b = source.batch(m, 1, 0, 6);
            float[] x = b.samples().toFloatArray();
            int[] labels = b.labels().toIntArray();
            for (int i = 0; i < 6; i++) {
                int id = Math.round((x[i * 6] + 1) * 127.5f) / 10;
                assertEquals(id % 4, labels[i]);
                assertEquals((10 * id + 5) / 127.5f - 1, x[i * 6 + 5], 1e-6f);
            }
        }
    }

    @Test
    void acceptsTheDottedNamesLabelsOffAndALimit() throws IOException {
        writeSplit(dir, "t10k", 5, false, true);
        IdxData idx = idx(dir.toString(), "test");
        idx.setLabels(false);
        idx.setLimit(2);
        ImageSet set = idx.load(context());
        assertEquals(2, set.size());
        assertNull(set.labels());
        assertEquals(0, set.numClasses());
        assertArrayEquals(Arrays.copyOf(tinySet(5)[0], 12), set.pixels());
    }

    @Test
    void findsDebiansFolderWhenNoPathIsGiven() throws IOException {
        Path debian = dir.resolve("usr/share/datasets/fashion-mnist");
        writeSplit(debian, "train", 3, true, false);
        IdxData idx = new IdxData();
        idx.debianFolder(debian);
        assertEquals(3, idx.load(context()).size());
    }

    @Test
    void embeddedFashionMnistHasTenThousandImagesInTenClasses() throws IOException {
        IdxData idx = new IdxData();
        idx.debianFolder(dir.resolve("no-such-folder"));
        idx.setSplit("test");
        ImageSet set = idx.load(context());
        assertEquals(10_000, set.size());
        assertEquals(new Shape(1, 28, 28), set.sampleShape());
        assertEquals(10, set.numClasses());
        int[] perClass = new int[10];
        for (int label : set.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass);
        try (SampleSource source = new ImageSamples(set); NDManager m = NDManager.newBaseManager()) {
            assertEquals(10, source.numClasses());
            Batch b = source.batch(m, 1, 0, 64);
            assertEquals(new Shape(64, 1, 28, 28), b.samples().getShape());
            assertEquals(-1f, b.samples().min().getFloat(), 1e-6f);
            assertEquals(1f, b.samples().max().getFloat(), 1e-6f); // Fashion-MNIST uses the full range
        }
    }

    @Test
    void badMagicNumbersAreNamed() throws IOException {
        Files.createDirectories(dir.resolve("bad"));
        byte[][] set = tinySet(2);
        Files.write(dir.resolve("bad/train-images-idx3-ubyte"), labelsFile(2, set[1]));
        Files.write(dir.resolve("bad/train-labels-idx1-ubyte"), labelsFile(2, set[1]));
        IOException e = assertThrows(IOException.class, () -> idx("bad", "train").load(context()));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number is 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void truncatedRawAndGzippedFilesAreReported() throws IOException {
        Files.createDirectories(dir.resolve("raw"));
        byte[] full = imagesFile(IdxFiles.IMAGES_MAGIC, 4, 3, 2, tinySet(4)[0]);
        Files.write(dir.resolve("raw/train-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 5));
        IdxData raw = idx("raw", "train");
        raw.setLabels(false);
        IOException e = assertThrows(IOException.class, () -> raw.load(context()));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("24 bytes")
                && e.getMessage().contains("only 19 bytes"), e.getMessage());

        Files.createDirectories(dir.resolve("gz"));
        byte[] big = imagesFile(IdxFiles.IMAGES_MAGIC, 1000, 28, 28, new byte[1000 * 784]);
        byte[] zipped = gzip(big);
        Files.write(dir.resolve("gz/train-images-idx3-ubyte.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        IdxData gz = idx("gz", "train");
        gz.setLabels(false);
        e = assertThrows(IOException.class, () -> gz.load(context()));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());

        Files.write(dir.resolve("gz/train-images-idx3-ubyte.gz"), Arrays.copyOf(zipped, 6));
        e = assertThrows(IOException.class, () -> gz.load(context()));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());

        Files.write(dir.resolve("gz/train-images-idx3-ubyte.gz"), new byte[] {0, 0, 8});
        e = assertThrows(IOException.class, () -> gz.load(context()));
        assertTrue(e.getMessage().contains("ends before"), e.getMessage());
    }

    @Test
    void mismatchedImageAndLabelCountsAreReported() throws IOException {
        Files.createDirectories(dir.resolve("mix"));
        Files.write(dir.resolve("mix/train-images-idx3-ubyte"),
                imagesFile(IdxFiles.IMAGES_MAGIC, 4, 3, 2, tinySet(4)[0]));
        Files.write(dir.resolve("mix/train-labels-idx1-ubyte.gz"), gzip(labelsFile(3, tinySet(3)[1])));
        IOException e = assertThrows(IOException.class, () -> idx("mix", "train").load(context()));
        assertTrue(e.getMessage().contains("3 labels") && e.getMessage().contains("4 images")
                && e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void missingFilesAndFoldersAreNamed() throws IOException {
        IOException e = assertThrows(IOException.class, () -> idx("nowhere", "train").load(context()));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("not a folder"), e.getMessage());
        writeSplit(dir.resolve("only-test"), "t10k", 2, true, false);
        e = assertThrows(IOException.class, () -> idx("only-test", "train").load(context()));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IdxData().setSplit("validation"));
    }

    /** 12 images: labels 0..9, then {@code stray} twice. */
    private void writeLabelled(String folder, int stray) throws IOException {
        Files.createDirectories(dir.resolve(folder));
        byte[] labels = new byte[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = (byte) (i < 10 ? i : stray);
        }
        Files.write(dir.resolve(folder).resolve("train-images-idx3-ubyte"),
                imagesFile(IdxFiles.IMAGES_MAGIC, 12, 3, 2, tinySet(12)[0]));
        Files.write(dir.resolve(folder).resolve("train-labels-idx1-ubyte"), labelsFile(12, labels));
    }

    @Test
    void inferredClassesWithGapsAreRefusedNamingTheMissingIdsAndTheKey() throws IOException {
        writeLabelled("stray", 200);
        IOException e = assertThrows(IOException.class, () -> idx("stray", "train").load(context()));
        assertEquals(dir.resolve("stray/train-labels-idx1-ubyte") + ": the labels run 0..200 but class ids [10..199] "
                + "have no sample, so the class count cannot be inferred; set the data's classes: (labels must be "
                + "below it) to settle it", e.getMessage());
        writeLabelled("gaps", 13);
        IdxData idx = idx("gaps", "train");
        e = assertThrows(IOException.class, () -> idx.load(context()));
        assertTrue(e.getMessage().contains("the labels run 0..13 but class ids [10..12] have no sample"), e.getMessage());
        // The key settles it: a declared count with empty classes is the user's statement.
        idx.setClasses(14);
        assertEquals(14, idx.load(context()).numClasses());
    }

    @Test
    void labelsAreCheckedAgainstDeclaredClasses() throws IOException {
        writeLabelled("stray", 200);
        IdxData idx = idx("stray", "train");
        idx.setClasses(10);
        IOException e = assertThrows(IOException.class, () -> idx.load(context()));
        assertEquals(dir.resolve("stray/train-labels-idx1-ubyte") + ": label 200 (sample 10) is outside classes: 10; "
                + "labels must be 0..9 (set classes: to the data's class count, or check the labels file)", e.getMessage());
        writeLabelled("clean", 9);
        IdxData clean = idx("clean", "train");
        assertEquals(10, clean.load(context()).numClasses());
        clean.setClasses(10);
        assertEquals(10, clean.load(context()).numClasses());
        assertThrows(IllegalArgumentException.class, () -> clean.setClasses(0));
    }
}
