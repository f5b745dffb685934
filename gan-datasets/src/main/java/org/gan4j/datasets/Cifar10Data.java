package org.gan4j.datasets;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;

/**
 * CIFAR-10 in its binary format (data_batch_1..5.bin, test_batch.bin; each record one label byte
 * then 3072 bytes: the R, G and B planes of a 32×32 image): samples (3, 32, 32) in [−1, 1].
 */
public final class Cifar10Data implements DataSource, Validated {
    static final int SIDE = 32;
    static final int RECORD = 1 + 3 * SIDE * SIDE;
    static final int CLASSES = 10;
    static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final List<String> TEST_FILES = List.of("test_batch.bin");

    @JsonPropertyDescription("folder holding data_batch_1.bin..data_batch_5.bin and test_batch.bin "
            + "(or its parent holding cifar-10-batches-bin); required")
    private String path;

    @JsonPropertyDescription("train (the five data batches, 50,000 images) or test (test_batch, 10,000)")
    private String split = "train";

    @JsonPropertyDescription("attach class labels (0..9) to batches")
    private boolean labels = true;

    @JsonPropertyDescription("use only the first this many images (0: all)")
    private int limit = 0;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("must be a folder path, got an empty value");
        }
        this.path = path;
    }

    public String getSplit() {
        return split;
    }

    public void setSplit(String split) {
        this.split = ConfigChecks.oneOf(split, List.of("train", "test"));
    }

    public boolean isLabels() {
        return labels;
    }

    public void setLabels(boolean labels) {
        this.labels = labels;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = ConfigChecks.nonNegative(limit);
    }

    @Override
    public void validate() {
        if (path == null) {
            throw new IllegalArgumentException("path: required; the folder holding data_batch_1.bin ... data_batch_5.bin and test_batch.bin");
        }
    }

    @Override
    public SampleSource open(DataContext context) throws IOException {
        return new ImageSamples(load(context));
    }

    ImageSet load(DataContext context) throws IOException {
        List<String> names = "train".equals(split) ? TRAIN_FILES : TEST_FILES;
        if (path == null) {
            throw new IOException("cifar10 needs path: the folder holding " + String.join(", ", names)
                    + " (the binary version from https://www.cs.toronto.edu/~kriz/cifar.html)");
        }
        Path folder = context.resolve(path);
        if (!Files.isRegularFile(folder.resolve(names.get(0)))
                && Files.isRegularFile(folder.resolve("cifar-10-batches-bin").resolve(names.get(0)))) {
            folder = folder.resolve("cifar-10-batches-bin");
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no such file; split '" + split + "' needs " + names + " in " + folder);
            }
            files.add(file);
        }
        long total = 0;
        for (Path file : files) {
            long bytes = Files.size(file);
            if (bytes == 0 || bytes % RECORD != 0) {
                throw new IOException(file + ": " + bytes + " bytes is not a whole number of CIFAR-10 records of "
                        + RECORD + " bytes (1 label + 3072 pixels); the file is truncated or not CIFAR-10 binary");
            }
            total += bytes / RECORD;
        }
        int n = (int) Math.min(total, limit > 0 ? limit : Integer.MAX_VALUE);
        int sampleSize = RECORD - 1;
        if ((long) n * sampleSize > Integer.MAX_VALUE - 8) {
            throw new IOException(folder + ": too many images for one in-memory array: " + n);
        }
        byte[] pixels = new byte[n * sampleSize];
        int[] ids = new int[n];
        byte[] record = new byte[RECORD];
        int i = 0;
        for (Path file : files) {
            if (i == n) {
                break;
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                long index = 0;
                while (i < n && in.readNBytes(record, 0, RECORD) == RECORD) {
                    int label = record[0] & 0xFF;
                    if (label >= CLASSES) {
                        throw new IOException(file + ": record " + index + " has label " + label
                                + ", expected 0.." + (CLASSES - 1) + "; not a CIFAR-10 binary file "
                                + "(CIFAR-100's binary format has 2 label bytes per record)");
                    }
                    ids[i] = label;
                    System.arraycopy(record, 1, pixels, i * sampleSize, sampleSize);
                    i++;
                    index++;
                }
            }
        }
        if (i != n) {
            throw new IOException(folder + ": read " + i + " records, expected " + n + " (a file changed while reading?)");
        }
        Shape shape = new Shape(3, SIDE, SIDE);
        ImageSet set = new ImageSet(pixels, ids, CLASSES, shape, folder.toString());
        return labels ? set : set.withoutLabels();
    }

    @Override
    public java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.of(new ai.djl.ndarray.types.Shape(3, SIDE, SIDE));
    }
}
