package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gan4j.api.engine.GanEngines;

/**
 * A 2-D transposed convolution without bias, (n, in, h, w) to (n, filters, (h−1)s − 2p + k,
 * (w−1)s − 2p + k), with its weight allocated as (in, filters, k, k), the layout both MXNet's
 * Deconvolution and libtorch's conv_transpose2d expect; the engine's {@code TransposedConvolution} computes it.
 *
 * <p>Why not DJL's {@code Conv2dTranspose}: on DJL 0.36 it allocates the weight as (filters, in,
 * k, k) and its engine call derives {@code num_filter} from the weight's first axis, so every layer
 * with in ≠ filters fails with "Shape inconsistent" on MXNet. This block registers the right shape.
 */
public final class TransposedConv2d extends AbstractBlock {
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;

    /**
     * @param filters output channels
     * @param kernel square kernel size k
     * @param stride stride s in both directions
     * @param padding implicit zero padding p removed from both sides of the output
     */
    public TransposedConv2d(int filters, int kernel, int stride, int padding) {
        if (filters <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("filters, kernel and stride must be > 0 and padding >= 0");
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = addParameter(
                Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    }

    public int filters() {
        return filters;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        return new NDList(GanEngines.current().transposedConvolution().apply(x, w, stride, padding));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters, kernel, kernel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters, outSize(in.get(2)), outSize(in.get(3)))};
    }

    private long outSize(long inSize) {
        return (inSize - 1) * stride - 2L * padding + kernel;
    }

    @Override
    public String toString() {
        return "TransposedConv2d(filters=" + filters + ", k=" + kernel + ", s=" + stride + ", p=" + padding + ")";
    }
}
