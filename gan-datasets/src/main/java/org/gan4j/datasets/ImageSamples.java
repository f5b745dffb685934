package org.gan4j.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.data.StreamSeeds;

/**
 * Minibatches of a finite image set scaled to [−1, 1] (x = byte/127.5 − 1), without replacement
 * within an epoch: stream position p = index·batchSize + i is sample π_e(p mod n) with epoch
 * e = ⌊p/n⌋ and π_e a permutation seeded by (seed, e), so batch i is a pure function of (seed, i).
 */
final class ImageSamples implements SampleSource {
    private static final int CACHED_PERMUTATIONS = 4;
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = (float) (v / 127.5 - 1.0);
        }
    }

    private final ImageSet images;
    private final int n;
    private final int sampleSize;
    private final Map<PermutationKey, int[]> permutations =
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PermutationKey, int[]> eldest) {
                    return size() > CACHED_PERMUTATIONS;
                }
            };
    private float[] pixelBuffer = new float[0];
    private int[] labelBuffer = new int[0];

    /** Identifies the permutation of one epoch of one stream. */
    private record PermutationKey(long seed, long epoch) {}

    ImageSamples(ImageSet images) {
        this.images = images;
        this.n = images.size();
        this.sampleSize = Math.toIntExact(images.sampleShape().size());
    }

    @Override
    public Shape sampleShape() {
        return images.sampleShape();
    }

    @Override
    public long size() {
        return n;
    }

    @Override
    public int numClasses() {
        return images.numClasses();
    }

    /** The decoded set (for tests and metrics that need the raw bytes). */
    ImageSet images() {
        return images;
    }

    @Override
    public synchronized Batch batch(NDManager manager, long seed, long index, int batchSize) {
        if (batchSize <= 0 || index < 0) {
            throw new IllegalArgumentException("batch size must be > 0 and index >= 0, got "
                    + batchSize + " and " + index);
        }
        if (pixelBuffer.length != batchSize * sampleSize) {
            pixelBuffer = new float[Math.multiplyExact(batchSize, sampleSize)]; // reused per batch size
            labelBuffer = new int[batchSize];
        }
        byte[] pixels = images.pixels();
        int[] labels = images.labels();
        long start = Math.multiplyExact(index, (long) batchSize);
        for (int i = 0; i < batchSize; i++) {
            long position = start + i;
            int sample = permutation(seed, position / n)[(int) (position % n)];
            int from = sample * sampleSize;
            int to = i * sampleSize;
            for (int j = 0; j < sampleSize; j++) {
                pixelBuffer[to + j] = SCALE[pixels[from + j] & 0xFF];
            }
            if (labels != null) {
                labelBuffer[i] = labels[sample];
            }
        }
        NDArray x = manager.create(pixelBuffer, new Shape(batchSize).addAll(images.sampleShape()));
        NDArray y = labels == null ? null : manager.create(labelBuffer, new Shape(batchSize));
        return new Batch(x, y);
    }

    /** π_e for (seed, epoch): a Fisher–Yates shuffle from a seed derived from both. */
    private int[] permutation(long seed, long epoch) {
        return permutations.computeIfAbsent(new PermutationKey(seed, epoch), key -> {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            Random random = new Random(StreamSeeds.derive(key.seed(), key.epoch()));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        });
    }
}
