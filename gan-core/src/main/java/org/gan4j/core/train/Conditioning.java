package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.Batch;

/**
 * The run's conditional task, or the identity of an unconditional run (no condition, the clean
 * batch is the target), so the trainer has one code path for both.
 */
final class Conditioning {
    private final ConditionalTask task;

    Conditioning(ConditionalTask task) {
        this.task = task;
    }

    ConditionalTask task() {
        return task;
    }

    boolean conditional() {
        return task != null;
    }

    ConditionalPair pair(NDManager manager, Batch clean, long seed) {
        return task == null ? ConditionalPair.of(null, clean.samples()) : task.pair(manager, clean, seed);
    }

    ConditionalPair evaluationPair(NDManager manager, Batch clean, long seed) {
        return task == null ? ConditionalPair.of(null, clean.samples()) : task.evaluationPair(manager, clean, seed);
    }

    NDArray compose(ConditionalPair pair, NDArray generated) {
        return task == null ? generated : task.compose(pair, generated);
    }

    Optional<NDArray> reconstructionLoss(ConditionalPair pair, NDArray output) {
        return task == null ? Optional.empty() : task.reconstructionLoss(pair, output);
    }

    Optional<NDArray> baseline(ConditionalPair pair) {
        return task == null ? Optional.empty() : task.baseline(pair);
    }

    Optional<NDArray> preview(ConditionalPair pair) {
        return task == null ? Optional.empty() : task.preview(pair);
    }
}
