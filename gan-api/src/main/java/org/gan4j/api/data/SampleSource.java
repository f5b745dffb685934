package org.gan4j.api.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

/**
 * Opened data: minibatches addressed by index, so that a run is reproducible and resumable from
 * (seed, index) alone — batch {@code i} is the same array whenever it is asked for.
 */
public interface SampleSource extends AutoCloseable {

    /** Shape of one sample without the batch axis. */
    Shape sampleShape();

    /** Number of distinct samples, or -1 for a distribution sampled afresh each time. */
    long size();

    /** Number of classes when batches carry labels, else 0. */
    default int numClasses() {
        return 0;
    }

    /**
     * The minibatch with this index, created in {@code manager}.
     *
     * @param manager the scoped manager the arrays belong to
     * @param seed the stream's seed (different purposes, e.g. training and evaluation, use
     *     different seeds)
     * @param index the minibatch's position in the stream
     * @param batchSize samples in the batch
     */
    Batch batch(NDManager manager, long seed, long index, int batchSize);

    /** The exact density when the data is a known Gaussian mixture (synthetic sources). */
    default Optional<GaussianMixture> knownMixture() {
        return Optional.empty();
    }

    /**
     * The part of the data kept for evaluation: samples never served by {@link #batch} of this source
     * (e.g. a strip of every photograph that training crops never touch). A source without such a
     * split returns itself, and evaluation then draws from a separate seeded stream of the same data.
     */
    default SampleSource heldOut() {
        return this;
    }

    @Override
    default void close() {}
}
