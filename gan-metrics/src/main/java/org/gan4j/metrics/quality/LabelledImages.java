package org.gan4j.metrics.quality;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.SampleSource;

/**
 * A labelled image set held on the host: {@code n} samples of {@code sampleShape} (C, H, W) row by row in
 * {@code x}, class ids in {@code y}.
 */
record LabelledImages(float[] x, int[] y, Shape sampleShape, int numClasses) {

    /** The stream seed the whole set is read with: a fixed order, independent of the run's seed. */
    static final long READ_SEED = 0;
    private static final int READ_BATCH = 500;

    int size() {
        return y.length;
    }

    int sampleSize() {
        return Math.toIntExact(sampleShape.size());
    }

    /** Samples [from, to) as a new set. */
    LabelledImages range(int from, int to) {
        int s = sampleSize();
        return new LabelledImages(Arrays.copyOfRange(x, from * s, to * s), Arrays.copyOfRange(y, from, to),
                sampleShape, numClasses);
    }

    /** The first {@code count} samples (all when there are fewer). */
    LabelledImages first(int count) {
        return count >= size() ? this : range(0, count);
    }

    /**
     * Reads every sample of a finite labelled source once: stream positions 0 … n−1 of the stream seeded
     * {@link #READ_SEED}, fetched as batches of 500 (positions past n are dropped). For the built-in image
     * sources that is one epoch, i.e. every image exactly once, in a shuffled order fixed by the seed.
     *
     * @throws IllegalStateException when the source is infinite, unlabelled or not images (C, H, W)
     */
    static LabelledImages readAll(SampleSource source, NDManager parent, String what) {
        long total = source.size();
        if (total <= 1 || total > Integer.MAX_VALUE) {
            throw new IllegalStateException("classifier-fd: " + what + " must be a finite data set of images, "
                    + "but its size is " + (total < 0 ? "unbounded (a sampled distribution)" : total));
        }
        if (source.numClasses() < 2) {
            throw new IllegalStateException("classifier-fd: " + what + " needs class labels (at least 2 classes) "
                    + "to train the feature classifier; it has " + source.numClasses()
                    + " (use a data source with class labels)");
        }
        Shape shape = source.sampleShape();
        if (shape.dimension() != 3 || shape.get(1) < 4 || shape.get(2) < 4) {
            throw new IllegalStateException("classifier-fd: " + what + " must hold images of shape (channels, "
                    + "height, width) at least 4×4, got samples of shape " + shape);
        }
        int n = (int) total;
        int s = Math.toIntExact(shape.size());
        float[] x = new float[Math.multiplyExact(n, s)];
        int[] y = new int[n];
        for (int index = 0, done = 0; done < n; index++) {
            try (NDManager m = parent.newSubManager()) {
                Batch b = source.batch(m, READ_SEED, index, READ_BATCH);
                if (b.labels() == null) {
                    throw new IllegalStateException("classifier-fd: " + what + " serves batches without labels");
                }
                float[] bx = b.samples().toFloatArray();
                int[] by = b.labels().toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
                int take = Math.min(READ_BATCH, n - done);
                System.arraycopy(bx, 0, x, done * s, take * s);
                System.arraycopy(by, 0, y, done, take);
                done += take;
            }
        }
        int classes = source.numClasses();
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new IllegalStateException("classifier-fd: " + what + " has a label " + label
                        + " outside 0.." + (classes - 1));
            }
        }
        return new LabelledImages(x, y, shape, classes);
    }

    /**
     * SHA-256 of the content in read order, preceded by {@code recipe} (what else determines the classifier):
     * recipe, then the sample shape (rank, dims), n and the number of classes as big-endian integers, then
     * for every sample its values as IEEE-754 float bits (big-endian) followed by its label (int32).
     */
    String contentHash(String recipe) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                    new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
                out.writeUTF(recipe);
                out.writeInt(sampleShape.dimension());
                for (long dim : sampleShape.getShape()) {
                    out.writeLong(dim);
                }
                out.writeInt(size());
                out.writeInt(numClasses);
                int s = sampleSize();
                for (int i = 0; i < size(); i++) {
                    for (int j = 0; j < s; j++) {
                        out.writeInt(Float.floatToIntBits(x[i * s + j]));
                    }
                    out.writeInt(y[i]);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash the training data", e);
        }
    }
}
