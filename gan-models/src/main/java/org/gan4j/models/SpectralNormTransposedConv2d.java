package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.PhaseAware;
import org.gan4j.api.model.TrainingPhase;

/**
 * A {@link TransposedConv2d} whose (in, out, k, k) kernel is spectrally normalised ({@link SpectralNorm}): the
 * output deconv(x, W) is divided by σ(W), equal to deconv(x, W/σ) since the layer is linear in W and has no bias.
 * Unlike the other layers, σ is held constant in the backward pass (the gradient reaches W through the deconvolution
 * only): on MXNet with MKL-DNN a second gradient path into the deconvolution's weight crashed the backward
 * ("could not execute a primitive", then a segfault; measured on DJL 0.36 / MXNet 1.9.1).
 */
final class SpectralNormTransposedConv2d extends TransposedConv2d implements PhaseAware, StatefulPart {
    private final SpectralNorm norm;

    SpectralNormTransposedConv2d(SpectralNorm norm, int filters, int kernel, int stride, int padding) {
        super(filters, kernel, stride, padding);
        this.norm = norm;
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, getParameters().get("weight").getArray().getShape());
    }

    @Override
    protected NDArray scaleOutput(NDArray output, NDArray weight, boolean training, NDArray input) {
        return output.div(norm.sigma(weight, training, input.getManager()).stopGradient());
    }

    /** σ(W) as the layer's current vectors estimate it. */
    float sigma() {
        return norm.sigma(getParameters().get("weight").getArray());
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
}
