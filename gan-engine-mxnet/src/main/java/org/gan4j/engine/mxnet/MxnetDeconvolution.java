package org.gan4j.engine.mxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.util.PairList;
import org.gan4j.api.engine.TransposedConvolution;

/**
 * MXNet's Deconvolution operator invoked with explicit attributes. DJL 0.36's own call derives
 * {@code num_filter} from the weight's first axis, which fails ("Shape inconsistent") whenever in ≠ out;
 * MXNet's operator itself expects the (in, out, k, k) layout.
 */
final class MxnetDeconvolution implements TransposedConvolution {
    private static final String OPERATOR = "_npx_deconvolution";

    @Override
    public NDArray apply(NDArray x, NDArray weight, int stride, int padding) {
        long filters = weight.getShape().get(1);
        long kernel = weight.getShape().get(2);
        PairList<String, Object> attrs = new PairList<>();
        attrs.add("kernel", "(" + kernel + ", " + kernel + ")");
        attrs.add("stride", "(" + stride + ", " + stride + ")");
        attrs.add("pad", "(" + padding + ", " + padding + ")");
        attrs.add("adj", "(0, 0)");
        attrs.add("dilate", "(1, 1)");
        attrs.add("num_group", "1");
        attrs.add("num_filter", String.valueOf(filters));
        attrs.add("no_bias", "True");
        return x.getManager().invoke(OPERATOR, new NDList(x, weight), attrs).singletonOrThrow();
    }
}
