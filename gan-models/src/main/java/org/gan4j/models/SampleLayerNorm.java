package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation (Ba et al. 2016) per sample: y = γ_c · (x − μ) / √(σ² + ε) + β_c, with μ and σ²
 * the mean and variance of ONE sample's features (all of (C, H, W), or all units of a dense layer) and a
 * scale γ (starting at 1) and shift β (starting at 0) per channel c (per unit for a dense layer). Unlike
 * BatchNorm it never mixes the samples of a batch and behaves the same in training and evaluation.
 * Written with plain NDArray operations, so it runs on any engine.
 */
public final class SampleLayerNorm extends AbstractBlock {
    private static final float EPSILON = 1e-5f;

    private final Parameter gamma;
    private final Parameter beta;

    public SampleLayerNorm() {
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray mean = perSampleMean(x);
        NDArray centred = x.sub(mean);
        NDArray normalised = centred.div(perSampleMean(centred.square()).add(EPSILON).sqrt());
        Shape perChannel = channelShape(shape);
        NDArray g = inScope(parameterStore.getValue(gamma, x.getDevice(), training).reshape(perChannel), x);
        NDArray b = inScope(parameterStore.getValue(beta, x.getDevice(), training).reshape(perChannel), x);
        return new NDList(normalised.mul(g).add(b));
    }

    /** An op on a parameter lands in the parameters' manager; move it to the step's (the input's) scope. */
    static NDArray inScope(NDArray derived, NDArray input) {
        derived.attach(input.getManager());
        return derived;
    }

    /** (1, C, 1, 1) for images, (1, units) for dense features. */
    private static Shape channelShape(Shape input) {
        long[] dims = new long[input.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[1] = input.get(1);
        return new Shape(dims);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        gamma.setShape(new Shape(inputShapes[0].get(1)));
        beta.setShape(new Shape(inputShapes[0].get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /**
     * The mean over every axis but the batch axis, kept as (n, 1, ..., 1): taken over the flattened sample
     * because DJL's PyTorch engine reduces over one axis at a time.
     */
    static NDArray perSampleMean(NDArray a) {
        Shape shape = a.getShape();
        long[] kept = new long[shape.dimension()];
        java.util.Arrays.fill(kept, 1);
        kept[0] = shape.get(0);
        return a.reshape(shape.get(0), -1).mean(new int[] {1}, true).reshape(new Shape(kept));
    }
}
