package org.gan4j.api.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/** How an engine's parameter gradients are reset and whether it gives input gradients inside the graph. */
public interface GradientControl {

    /** Whether {@link #inputGradient} is available (the engine differentiates a gradient again). */
    boolean secondDerivatives();

    /**
     * Makes the next backward start from zero gradients for {@code parameters}. An engine that accumulates
     * gradients (PyTorch) clears them here, not by subtraction, so a NaN does not survive; one that
     * overwrites them on every backward (MXNet) has nothing to do.
     */
    void zeroGradients(PairList<String, Parameter> parameters);

    /**
     * ∇ₓD(x) for {@code samples}, attached to the graph so a penalty on it back-propagates into D's
     * weights; called inside the step's gradient collector. The gradient is taken with respect to a
     * detached copy of {@code samples} (the condition D closes over is held fixed), and D's parameter
     * gradients that this extra backward leaves behind are cleared.
     *
     * @param discriminator D on a batch, in training mode, with the step's condition
     * @param discriminatorParameters D's parameters, whose gradients are cleared afterwards
     * @throws UnsupportedOperationException when {@link #secondDerivatives()} is false
     */
    NDArray inputGradient(NDArray samples, UnaryOperator<NDArray> discriminator,
            PairList<String, Parameter> discriminatorParameters);
}
