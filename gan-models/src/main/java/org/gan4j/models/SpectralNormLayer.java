package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.PhaseAware;
import org.gan4j.api.model.TrainingPhase;

/**
 * A dense layer or a 2-D convolution whose weight is spectrally normalised ({@link SpectralNorm}): y = x·(W/σ)ᵀ
 * + b, or conv(x, W/σ) + b. Same parameters (names, shapes, types) as DJL's {@code Linear} and {@code Conv2d}, so
 * initialisers and parameter counts are unchanged; the power-iteration vectors are checkpoint state, not
 * parameters. Plain DJL operations ({@code Linear.linear}, {@code Conv2d.conv2d}): any engine.
 */
final class SpectralNormLayer extends AbstractBlock implements PhaseAware, StatefulPart {
    private final SpectralNorm norm;
    private final long outputs;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;

    private SpectralNormLayer(SpectralNorm norm, long outputs, int kernel, int stride, int padding, boolean withBias) {
        this.norm = norm;
        this.outputs = outputs;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    /** A dense layer to {@code units} outputs (kernel 0 marks it). */
    static SpectralNormLayer dense(SpectralNorm norm, long units, boolean withBias) {
        return new SpectralNormLayer(norm, units, 0, 1, 0, withBias);
    }

    /** A square k×k convolution to {@code filters} channels. */
    static SpectralNormLayer conv(SpectralNorm norm, int filters, int kernel, int stride, int padding, boolean withBias) {
        return new SpectralNormLayer(norm, filters, kernel, stride, padding, withBias);
    }

    private boolean isDense() {
        return kernel == 0;
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, weight.getArray().getShape());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = norm.normalise(parameterStore.getValue(weight, x.getDevice(), training), training, x.getManager());
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        if (isDense()) {
            return Linear.linear(x, w, b);
        }
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (isDense()) {
            weight.setShape(new Shape(outputs, in.get(in.dimension() - 1)));
        } else {
            weight.setShape(new Shape(outputs, in.get(1), kernel, kernel));
        }
        if (bias != null) {
            bias.setShape(new Shape(outputs));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (isDense()) {
            return new Shape[] {in.slice(0, in.dimension() - 1).add(outputs)};
        }
        return new Shape[] {new Shape(in.get(0), outputs, outSize(in.get(2)), outSize(in.get(3)))};
    }

    private long outSize(long size) {
        return (size + 2L * padding - kernel) / stride + 1;
    }

    /** σ(W) as the layer's current vectors estimate it. */
    float sigma() {
        return norm.sigma(weight.getArray());
    }

    @Override
    public void enterPhase(TrainingPhase phase) {
        norm.enterPhase(phase);
    }

    @Override
    public String stateSection() {
        return norm.section();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        norm.save(out);
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        norm.load(in);
    }

    @Override
    public String toString() {
        return "SpectralNorm(" + (isDense() ? "Linear(" + outputs + ")" : "Conv2d(filters=" + outputs + ", k=" + kernel
                + ", s=" + stride + ", p=" + padding + ")") + ")";
    }
}
