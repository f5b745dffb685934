package org.gan4j.api.optim;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Updates one network's parameters from their gradients. State (momenta, step counts) is keyed
 * by parameter name, never by DJL's per-process parameter id, so it can be saved and restored.
 */
public interface ParameterOptimizer extends AutoCloseable {

    /**
     * Applies one update to every parameter that requires a gradient.
     *
     * @param parameters the network's named parameters (e.g. {@code block.getParameters()})
     */
    void update(PairList<String, Parameter> parameters);

    /**
     * Multiplies the learning rate by {@code factor} from the next update on (used when training rolls
     * back after diverging); the scale is part of the saved state.
     */
    void scaleLearningRate(double factor);

    /**
     * Sets the learning-rate schedule's multiplier for the next updates (1 until set), applied on top of
     * {@link #scaleLearningRate}'s scale. It is not saved state: a schedule is a pure function of the step and
     * sets it before every update, so a resumed run gets the same rates. Optimizers that cannot follow a
     * schedule refuse.
     *
     * @param factor a finite number ≥ 0 (0 at the end of a decay to zero)
     */
    default void setScheduleFactor(double factor) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot follow a learning-rate schedule");
    }

    /** The learning rate the next update applies (base × rollback scale × schedule factor); NaN when unknown. */
    default double learningRate() {
        return Double.NaN;
    }

    /** Number of updates applied so far. */
    long updates();

    /** Writes the state (for checkpoints). */
    void save(DataOutputStream out) throws IOException;

    /** Restores state written by {@link #save}; arrays are created in {@code manager}. */
    void load(NDManager manager, DataInputStream in) throws IOException;

    @Override
    void close();
}
