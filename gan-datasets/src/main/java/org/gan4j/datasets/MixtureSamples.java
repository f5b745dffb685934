package org.gan4j.datasets;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import java.util.Random;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.data.StreamSeeds;

/** Fresh draws from a known Gaussian mixture; batch i is a pure function of (seed, i). */
final class MixtureSamples implements SampleSource {
    private final GaussianMixture mixture;
    private float[] buffer = new float[0];

    MixtureSamples(GaussianMixture mixture) {
        this.mixture = mixture;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(mixture.dimension());
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public Batch batch(NDManager manager, long seed, long index, int batchSize) {
        int d = mixture.dimension();
        if (buffer.length != batchSize * d) {
            buffer = new float[batchSize * d]; // reused while the batch size stays the same
        }
        Random random = new Random(StreamSeeds.derive(seed, index));
        for (int i = 0; i < batchSize; i++) {
            mixture.sample(random, buffer, i * d);
        }
        return new Batch(manager.create(buffer, new Shape(batchSize, d)), null);
    }

    @Override
    public Optional<GaussianMixture> knownMixture() {
        return Optional.of(mixture);
    }
}
