package org.gan4j.engine.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.engine.TransposedConvolution;

/**
 * A transposed convolution written as one ordinary convolution, because DJL 0.36's PyTorch engine does not
 * implement {@code deconvolution}. It uses the polyphase (sub-pixel) form: with the uncropped output index
 * o′ = o + p = s·m + r (phase r ∈ [0, s)), conv_transpose(x, W; s, p) reads
 * y_r[m] = Σ_t x[m − t]·W[r + s·t], t = 0 … T − 1, T = ⌈k / s⌉ (taps past k are zero), per spatial axis.
 * Each phase is a "full" correlation of x with its flipped taps, so the s² phases of every output channel are
 * one stride-1 convolution with s²·out filters of T × T and padding T − 1; the phases are then interleaved
 * (depth to space) and the result cropped to [p, p + (n − 1)s − 2p + k). Its multiply-adds are those of a
 * native transposed convolution (the zero-insertion form this replaces did s² times more). Every op in it
 * (concat, reshape, flip, transpose, convolution, slice) has second derivatives on libtorch.
 */
final class PytorchDeconvolution implements TransposedConvolution {

    @Override
    public NDArray apply(NDArray x, NDArray weight, int stride, int padding) {
        Shape in = x.getShape();
        long n = in.get(0);
        long h = in.get(2);
        long w = in.get(3);
        long out = weight.getShape().get(1);
        long k = weight.getShape().get(2);
        int s = stride;
        long taps = (k + s - 1) / s;
        NDArray kernel = phaseKernel(x, weight, s, taps);
        NDArray phases = x.getNDArrayInternal().convolution(x, kernel, null, new Shape(1, 1),
                new Shape(taps - 1, taps - 1), new Shape(1, 1), 1).singletonOrThrow();
        long ph = h + taps - 1;
        long pw = w + taps - 1;
        // (n, s·s·out, ph, pw) as (n, ry, rx, out, m, m′) → (n, out, m, ry, m′, rx): uncropped row s·m + ry
        NDArray full = phases.reshape(n, s, s, out, ph, pw).transpose(0, 3, 4, 1, 5, 2).reshape(n, out, ph * s, pw * s);
        long outH = (h - 1) * s - 2L * padding + k;
        long outW = (w - 1) * s - 2L * padding + k;
        return full.get(":, :, " + padding + ":" + (padding + outH) + ", " + padding + ":" + (padding + outW));
    }

    /**
     * W (in, out, k, k) to the phase filters (s·s·out, in, T, T): filter (ry, rx, o) at (ty, tx) holds
     * W[·, o, ry + s·(T − 1 − ty), rx + s·(T − 1 − tx)], zero where that index reaches past k.
     */
    private static NDArray phaseKernel(NDArray x, NDArray weight, int s, long taps) {
        // an op's result joins its first input's manager: made from the weight, the kernel would join the network's
        // manager and stay there for the network's life, so its first op's result moves to the input's (step) scope
        NDArray wide = weight;
        long k = weight.getShape().get(2);
        long cin = weight.getShape().get(0);
        long out = weight.getShape().get(1);
        long size = taps * s;
        if (size > k) { // zero taps past the kernel's edge, both axes
            NDArray zerosRight = x.getManager().zeros(new Shape(cin, out, k, size - k), weight.getDataType(), weight.getDevice());
            wide = NDArrays.concat(new NDList(weight, zerosRight), 3);
            wide.attach(x.getManager());
            NDArray zerosBelow = x.getManager().zeros(new Shape(cin, out, size - k, size), weight.getDataType(), weight.getDevice());
            wide = NDArrays.concat(new NDList(wide, zerosBelow), 2);
        } else {
            wide = weight.reshape(cin, out, k, k);
            wide.attach(x.getManager());
        }
        // index a = u·s + ry, u = T − 1 − ty: (in, out, u, ry, v, rx) → flip u, v → (ry, rx, out, in, ty, tx)
        return wide.reshape(cin, out, taps, s, taps, s).flip(2, 4).transpose(3, 5, 1, 0, 2, 4)
                .reshape(s * s * out, cin, taps, taps);
    }
}
