package org.gan4j.api.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;

/**
 * A conditional task: turns clean minibatches into (condition, target) pairs. The trainer feeds the
 * condition to G as {@code NDList(z, condition)} and to D as {@code NDList(x, condition)}, where x
 * is the target or G's composed output, and adds {@link #reconstructionLoss} to G's adversarial
 * loss. No task is known to the trainer by name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ConditionalTask {

    /**
     * What the networks must fit for data of this shape.
     *
     * @param sampleShape shape of one clean sample, e.g. (3, 64, 64)
     * @param numClasses the data's number of classes (0 when it has no labels)
     * @param latentDim size of z
     * @throws IllegalArgumentException when the task cannot work on this data (the message says why)
     */
    ModelSpec modelSpec(Shape sampleShape, int numClasses, int latentDim);

    /**
     * Builds the pairs for one clean minibatch, in {@code manager}.
     *
     * @param seed seeds any randomness of the pair (e.g. where a hole goes), so a batch is reproducible
     */
    ConditionalPair pair(NDManager manager, Batch clean, long seed);

    /**
     * The pairs evaluations and grids use; by default the same construction as in training. A
     * class-conditional task orders the classes so a grid shows one row per class.
     */
    default ConditionalPair evaluationPair(NDManager manager, Batch clean, long seed) {
        return pair(manager, clean, seed);
    }

    /** G's final answer from its raw output, e.g. pasted into the hole of the known image. */
    default NDArray compose(ConditionalPair pair, NDArray generated) {
        return generated;
    }

    /** The weighted reconstruction term added to G's loss (λ·L1 by default in image tasks), or empty. */
    default Optional<NDArray> reconstructionLoss(ConditionalPair pair, NDArray output) {
        return Optional.empty();
    }

    /** The task's non-learned answer for the same conditions, the bar a model must clear. */
    default Optional<NDArray> baseline(ConditionalPair pair) {
        return Optional.empty();
    }

    /** The condition drawn as an image of the target's shape for grids, or empty (class ids). */
    default Optional<NDArray> preview(ConditionalPair pair) {
        return Optional.empty();
    }
}
