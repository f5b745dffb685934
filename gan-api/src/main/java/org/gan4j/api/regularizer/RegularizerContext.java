package org.gan4j.api.regularizer;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.LossContext;

/**
 * What a regularizer may read during the step it is applied in: everything a loss sees (real and fake
 * logits, samples, D on any input with the step's condition), plus its own random stream, the input
 * gradient where the engine provides it, and its log columns. Arrays live in the step's scoped manager.
 */
public interface RegularizerContext extends LossContext {

    /**
     * The seed of this regularizer's random draws at this step, one per (run seed, regularizer name,
     * update index): reproducible and independent of every other stream of the run.
     */
    long randomSeed();

    /** How many updates of the target network this step is (the index lazy regularization counts). */
    long update();

    /**
     * ∇ₓ D(x) for {@code samples}, kept in the graph so a penalty on it can be back-propagated. Engines
     * without second derivatives refuse with an {@link UnsupportedOperationException} naming the engine.
     */
    NDArray inputGradient(NDArray samples);

    /** Records a value for one of the regularizer's declared {@link Regularizer#logColumns()} at a logged step. */
    void log(String column, double value);
}
