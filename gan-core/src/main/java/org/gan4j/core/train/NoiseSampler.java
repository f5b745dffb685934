package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.gan4j.api.data.StreamSeeds;
import org.gan4j.core.config.LatentConfig.Prior;

/**
 * Draws z on the host from a seed derived from (stream, index), so the noise of any step can be
 * regenerated exactly (on resume, or to compare runs) without the engine's global RNG state.
 */
public final class NoiseSampler {
    private final int dim;
    private final Prior prior;
    private float[] buffer = new float[0];

    public NoiseSampler(int dim, Prior prior) {
        this.dim = dim;
        this.prior = prior;
    }

    /** z of shape (n, dim) for item {@code index} of noise stream {@code streamSeed}. */
    public NDArray sample(NDManager manager, long streamSeed, long index, int n) {
        if (buffer.length != n * dim) {
            buffer = new float[n * dim]; // reused while the batch size stays the same
        }
        Random random = new Random(StreamSeeds.derive(streamSeed, index));
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = prior == Prior.NORMAL
                    ? (float) random.nextGaussian()
                    : (float) (2 * random.nextDouble() - 1);
        }
        return manager.create(buffer, new Shape(n, dim));
    }
}
