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

/** A {@link TransposedConv2d} whose (in, out, k, k) kernel is spectrally normalised ({@link SpectralNorm}). */
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
    protected NDArray effectiveWeight(NDArray weight, boolean training, NDArray input) {
        return norm.normalise(weight, training, input.getManager());
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
