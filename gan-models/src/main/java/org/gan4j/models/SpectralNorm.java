package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.gan4j.api.model.TrainingPhase;

/**
 * Spectral normalisation (Miyato et al. 2018) of one layer's weight: W_SN = W / σ(W), σ(W) the largest
 * singular value of W viewed as a matrix W_m of (output channels) rows — (out, in) for a dense layer,
 * (out, in·k·k) for a convolution, and (in, out·k·k) for a transposed convolution's (in, out, k, k) kernel
 * (its first axis; PyTorch normalises the (out, in·k·k) view instead: swapping the axes of the kernel made MKL-DNN's
 * backward fail on MXNet, measured).
 *
 * <p>σ is estimated by power iteration with persistent vectors u (rows) and v (columns): one iteration
 * v ← W_mᵀu / ‖W_mᵀu‖, u ← W_m v / ‖W_m v‖ per training forward of the network's own step (see
 * {@link #advancesIn}), on a copy of W without gradient; then σ = uᵀ W_m v with u and v held constant, so
 * the gradient flows through σ into W as in the paper (transposed convolutions excepted: there σ is a constant
 * of the backward pass, see {@link SpectralNormTransposedConv2d}). D's layers advance only in the D-step: the G-step's
 * pass through D, and evaluation forwards, reuse the last u and v. u and v are state: they go into each
 * checkpoint (section {@code spectral_norm.<network>.<n>}) so a resumed run continues bit-exactly.
 *
 * <p>u starts as a fixed pseudo-random unit vector (not the engine's generator, so turning spectral norm on
 * leaves every other random draw of the run unchanged); v is computed from it on the first forward.
 */
final class SpectralNorm {
    private static final float EPSILON = 1e-12f;

    private final String section;
    private final TrainingPhase advancesIn;
    private TrainingPhase phase;
    private NDManager manager;
    private long columns;
    private NDArray u;
    private NDArray v;

    /**
     * @param section the checkpoint section of this layer's vectors
     * @param advancesIn the step whose training forwards advance the iteration; null: every training forward
     */
    SpectralNorm(String section, TrainingPhase advancesIn) {
        this.section = section;
        this.advancesIn = advancesIn;
    }

    String section() {
        return section;
    }

    void enterPhase(TrainingPhase phase) {
        this.phase = phase;
    }

    /** Creates u (and v) for a weight of {@code weightShape} in the network's manager. */
    void initialize(NDManager networkManager, Shape weightShape) {
        manager = networkManager;
        long rows = weightShape.get(0);
        columns = weightShape.size() / rows;
        Random random = new Random(rows * 31 + columns);
        float[] start = new float[(int) rows];
        double norm = 0;
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) random.nextGaussian();
            norm += start[i] * start[i];
        }
        for (int i = 0; i < start.length; i++) {
            start[i] /= (float) Math.sqrt(norm);
        }
        replace(manager.create(start, new Shape(rows, 1)), null);
    }

    /**
     * W / σ(W), attached to {@code scope} (the forward's input manager); advances u and v first when this
     * is a training forward of the step they advance in.
     */
    NDArray normalise(NDArray weight, boolean training, NDManager scope) {
        return inScope(weight.div(sigma(weight, training, scope)), scope);
    }

    /**
     * σ(W) as a scalar array in {@code scope} through which the gradient flows into W; advances u and v first as
     * {@link #normalise} does. For a layer linear in W without bias, layer(x, W/σ) = layer(x, W)/σ.
     */
    NDArray sigma(NDArray weight, boolean training, NDManager scope) {
        NDArray matrix = matrix(weight, scope);
        boolean advance = training && (advancesIn == null || advancesIn == phase);
        if (advance || v == null) {
            NDArray frozen = matrix.stopGradient();
            NDArray newV = unit(frozen.transpose().matMul(u));
            NDArray newU = advance ? unit(frozen.matMul(newV)) : u;
            // Fresh leaves with no recorded history: the backward pass must never reach the iteration's operations,
            // whose inputs (the previous u and v) are freed right here.
            float[] nextU = newU.toFloatArray();
            float[] nextV = newV.toFloatArray();
            replace(manager.create(nextU, new Shape(nextU.length, 1)), manager.create(nextV, new Shape(nextV.length, 1)));
        }
        return matrix.matMul(v).mul(u).sum();
    }

    /** σ(W) as the current u and v estimate it (no iteration). */
    float sigma(NDArray weight) {
        try (NDManager scope = manager.newSubManager()) {
            return matrix(weight, scope).matMul(v).mul(u).sum().getFloat();
        }
    }

    /**
     * W_m as a new array in {@code scope}: never the parameter itself, which must not leave the network's
     * manager (closing the scope would free the weight).
     */
    private NDArray matrix(NDArray weight, NDManager scope) {
        return inScope(weight.reshape(weight.getShape().get(0), -1), scope);
    }

    private static NDArray unit(NDArray a) {
        return a.div(a.square().sum().sqrt().add(EPSILON));
    }

    private static NDArray inScope(NDArray derived, NDManager scope) {
        derived.attach(scope);
        return derived;
    }

    private void replace(NDArray newU, NDArray newV) {
        if (u != null && u != newU) {
            u.close();
        }
        if (v != null && v != newV) {
            v.close();
        }
        u = newU;
        v = newV;
    }

    // u is (rows, 1) and v (columns, 1): matrix products stay two-dimensional on every engine.

    /** u then v (v may be absent before the first forward), each as a length and floats. */
    void save(DataOutputStream out) throws IOException {
        write(out, u);
        write(out, v);
    }

    void load(DataInputStream in) throws IOException {
        float[] loadedU = read(in, u.getShape().get(0), "u");
        float[] loadedV = read(in, -columns, "v");
        NDArray newU = manager.create(loadedU, new Shape(loadedU.length, 1));
        NDArray newV = loadedV == null ? null : manager.create(loadedV, new Shape(loadedV.length, 1));
        replace(newU, newV);
    }

    private static void write(DataOutputStream out, NDArray a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        for (float f : values) {
            out.writeFloat(f);
        }
    }

    private float[] read(DataInputStream in, long expected, String name) throws IOException {
        int length = in.readInt();
        if (length < 0) { // v is absent until the first forward: expected < 0 means optional
            if (expected >= 0) {
                throw new IOException(section + ": " + name + " is missing");
            }
            return null;
        }
        if (length != Math.abs(expected)) {
            throw new IOException(section + ": " + name + " has " + length + " values, this layer needs " + Math.abs(expected));
        }
        if (length > 1 << 28) {
            throw new IOException(section + ": " + name + " claims " + length + " values");
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
