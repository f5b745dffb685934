package org.gan4j.engine.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.engine.TransposedConvolution;

/** libtorch's conv_transpose2d, whose weight layout is (in, out, k, k) as gan4j's. */
final class PytorchDeconvolution implements TransposedConvolution {

    @Override
    public NDArray apply(NDArray x, NDArray weight, int stride, int padding) {
        return x.getNDArrayInternal().deconvolution(x, weight, null, new Shape(stride, stride),
                new Shape(padding, padding), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
    }
}
