package org.gan4j.api.conditional;

import ai.djl.ndarray.NDArray;

/**
 * Held-out conditional examples with what the generator and the task's baseline make of them, all
 * for the same conditions, so metrics and grids compare like with like.
 *
 * @param pair the held-out conditions and targets
 * @param output G's output, already composed by the task (e.g. pasted into the hole)
 * @param baseline the task's non-learned answer (bicubic upscaling, gray as RGB, mean fill), or null
 * @param preview the condition drawn as an image of the target's shape, or null (class ids)
 * @param numClasses number of classes for class-conditional tasks, else 0
 */
public record ConditionalSamples(ConditionalPair pair, NDArray output, NDArray baseline, NDArray preview,
        int numClasses) {

    public NDArray target() {
        return pair.target();
    }

    public NDArray mask() {
        return pair.mask();
    }
}
