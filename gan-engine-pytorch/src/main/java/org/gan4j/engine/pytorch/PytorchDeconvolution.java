package org.gan4j.engine.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.engine.TransposedConvolution;

/**
 * A transposed convolution written as the ordinary convolution it equals, because DJL 0.36's PyTorch engine
 * does not implement {@code deconvolution}: with s − 1 zeros inserted between the input's pixels,
 * conv_transpose(x, W; s, p) = conv(zero-insert(x, s), W′; stride 1, padding k − 1 − p), where
 * W′ = W with its kernel flipped in both directions and its first two axes swapped, (out, in, k, k). Every
 * op in it (reshape, concat, slice, flip, convolution) has second derivatives on libtorch. It does s² times
 * the multiply-adds of a native transposed convolution (the inserted zeros), a cost for the performance issue.
 */
final class PytorchDeconvolution implements TransposedConvolution {

    @Override
    public NDArray apply(NDArray x, NDArray weight, int stride, int padding) {
        long k = weight.getShape().get(2);
        // an op's result joins its first input's manager: made from the weight, the flipped kernel would join the
        // network's manager and stay there for the network's life (two arrays per layer and forward), so it moves
        // to the input's, which the caller scopes to the step
        NDArray flipped = weight.flip(2, 3);
        flipped.attach(x.getManager());
        NDArray kernel = flipped.transpose(1, 0, 2, 3);
        NDArray spread = stride == 1 ? x : insertZeros(x, stride);
        long pad = k - 1 - padding;
        NDArray out = x.getNDArrayInternal().convolution(spread, kernel, null, new Shape(1, 1),
                new Shape(Math.max(pad, 0), Math.max(pad, 0)), new Shape(1, 1), 1).singletonOrThrow();
        if (pad < 0) { // padding beyond k − 1 crops the full output
            long h = out.getShape().get(2);
            long w = out.getShape().get(3);
            out = out.get(":, :, " + -pad + ":" + (h + pad) + ", " + -pad + ":" + (w + pad));
        }
        return out;
    }

    /** (n, c, h, w) to (n, c, (h−1)s + 1, (w−1)s + 1) with s − 1 zeros between neighbouring pixels. */
    private static NDArray insertZeros(NDArray x, int s) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        long h = shape.get(2);
        long w = shape.get(3);
        NDArray cells = x.reshape(n, c, h, 1, w, 1);
        cells = NDArrays.concat(new NDList(cells, x.getManager().zeros(new Shape(n, c, h, 1, w, s - 1),
                x.getDataType(), x.getDevice())), 5);
        cells = NDArrays.concat(new NDList(cells, x.getManager().zeros(new Shape(n, c, h, s - 1, w, s),
                x.getDataType(), x.getDevice())), 3);
        return cells.reshape(n, c, h * s, w * s).get(":, :, :" + ((h - 1) * s + 1) + ", :" + ((w - 1) * s + 1));
    }
}
