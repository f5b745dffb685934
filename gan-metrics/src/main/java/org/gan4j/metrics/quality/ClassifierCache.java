package org.gan4j.metrics.quality;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.api.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained feature classifiers on disk, one file per key: {@code <cache_dir>/<64 hex digits>.classifier}. The key
 * is the SHA-256 of the training recipe and the data content ({@link LabelledImages#contentHash}); the recipe
 * names {@link FeatureClassifier#ARCHITECTURE_VERSION}, the width, epochs, minibatch size, learning rate,
 * holdout fraction and seed. A file holds a header (magic, architecture version, width, classes, sample
 * shape) and then the parameters as {@code Block.saveParameters} writes them (BatchNorm statistics included).
 * It is written to a temporary file in the same folder and renamed, so a crash or a concurrent run never
 * leaves a partial file under the final name; a file that cannot be read is reported and replaced.
 */
final class ClassifierCache {
    private static final Logger LOG = LoggerFactory.getLogger("gan.metrics");
    private static final int MAGIC = 0x47434644; // "GCFD"

    /** A classifier with its key; {@code trained} is false when it was loaded from the cache. */
    record Entry(FeatureClassifier classifier, String key, boolean trained, Path file) {
        /** The short id reported with the numbers: the key's first 12 hex digits. */
        String id() {
            return key.substring(0, 12);
        }
    }

    /** What determines a classifier besides the data. */
    record Recipe(int width, int epochs, int batchSize, double learningRate, double holdout, long seed) {
        String describe() {
            return "gan4j classifier-fd extractor v" + FeatureClassifier.ARCHITECTURE_VERSION + " width=" + width
                    + " features=" + FeatureClassifier.FEATURES + " epochs=" + epochs + " batch=" + batchSize
                    + " lr=" + learningRate + " holdout=" + holdout + " seed=" + seed;
        }
    }

    private ClassifierCache() {}

    /**
     * Loads the classifier for (recipe, all) from {@code dir}, or trains it on {@code train} and stores it.
     *
     * @param all the whole data set as read (its hash is the key)
     * @param train the part the classifier trains on
     */
    static Entry obtain(Path dir, Recipe recipe, LabelledImages all, LabelledImages train, NDManager parent)
            throws IOException {
        String key = all.contentHash(recipe.describe());
        Path file = dir.resolve(key + ".classifier");
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                readHeader(in, file, recipe.width(), all.numClasses(), all.sampleShape());
                FeatureClassifier c = FeatureClassifier.load(parent, in, all.sampleShape(), all.numClasses(),
                        recipe.width());
                LOG.info("classifier-fd: loaded feature classifier {} from {}", key.substring(0, 12), file);
                return new Entry(c, key, false, file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("classifier-fd: cannot use the cached classifier {} ({}); training it again", file,
                        e.getMessage());
            }
        }
        LOG.info("classifier-fd: training the feature classifier {} on {} images ({} epochs; {})",
                key.substring(0, 12), train.size(), recipe.epochs(), recipe.describe());
        long start = System.nanoTime();
        FeatureClassifier c = FeatureClassifier.create(parent, all.sampleShape(), all.numClasses(), recipe.width(),
                recipe.seed());
        try {
            double loss = c.train(train, recipe.epochs(), recipe.batchSize(), recipe.learningRate(), recipe.seed());
            LOG.info("classifier-fd: trained in {} s, last epoch's mean loss {}",
                    String.format("%.1f", (System.nanoTime() - start) / 1e9), String.format("%.4f", loss));
            save(c, file);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new Entry(c, key, true, file);
    }

    private static void save(FeatureClassifier c, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(FeatureClassifier.ARCHITECTURE_VERSION);
            out.writeInt(c.width());
            out.writeInt(c.numClasses());
            Shape shape = c.sampleShape();
            out.writeInt(shape.dimension());
            for (long d : shape.getShape()) {
                out.writeLong(d);
            }
            c.save(out);
            out.flush();
        });
    }

    private static void readHeader(DataInputStream in, Path file, int width, int classes, Shape shape)
            throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(file + " is not a classifier-fd cache file");
        }
        int version = in.readInt();
        int w = in.readInt();
        int k = in.readInt();
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
            throw new IOException(file + ": corrupt header");
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readLong();
        }
        if (version != FeatureClassifier.ARCHITECTURE_VERSION || w != width || k != classes
                || !new Shape(dims).equals(shape)) {
            throw new IOException(file + " holds architecture v" + version + ", width " + w + ", " + k
                    + " classes, samples " + new Shape(dims) + "; expected v" + FeatureClassifier.ARCHITECTURE_VERSION
                    + ", " + width + ", " + classes + ", " + shape);
        }
    }
}
