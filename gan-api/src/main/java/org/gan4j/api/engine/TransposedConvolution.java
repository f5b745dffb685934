package org.gan4j.api.engine;

import ai.djl.ndarray.NDArray;

/** A 2-D transposed convolution without bias whose weight has the (in, out, k, k) layout. */
public interface TransposedConvolution {

    /**
     * (n, in, h, w) to (n, out, (h−1)s − 2p + k, (w−1)s − 2p + k) for square kernels, stride s and
     * padding p in both directions.
     *
     * @param weight (in, out, k, k)
     */
    NDArray apply(NDArray x, NDArray weight, int stride, int padding);
}
