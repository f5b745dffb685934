package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PacGAN's packing (Lin et al. 2018): a batch of n samples becomes n/m packs, pack j joining samples
 * jm, jm+1, …, jm+m−1 along the first sample axis, so (n, d) → (n/m, m·d) and (n, C, H, W) → (n/m, m·C, H, W).
 * Samples are stored one after another, so this is a reshape: no copy, and the gradient flows back to each
 * sample unchanged. The trainer packs real batches with real and generated with generated, never mixed,
 * because it packs each batch D is called on.
 */
public final class SamplePacking {
    private SamplePacking() {}

    /** {@code samples} as packs of {@code m}; the array itself when m is 1. */
    public static NDArray pack(NDArray samples, int m) {
        if (m == 1) {
            return samples;
        }
        Shape shape = samples.getShape();
        long n = shape.get(0);
        if (shape.dimension() < 2 || n % m != 0) {
            throw new IllegalArgumentException("cannot pack " + shape + " into packs of " + m
                    + ": need (n, features...) with n a multiple of " + m);
        }
        long[] packed = shape.getShape().clone(); // getShape() is the Shape's own array
        packed[0] = n / m;
        packed[1] *= m;
        return samples.reshape(new Shape(packed));
    }
}
