package org.gan4j.api.conditional;

import ai.djl.ndarray.NDArray;

/**
 * One minibatch of a conditional task.
 *
 * @param condition what G and D receive besides z and x: an image (batch, C', H, W) at the target's
 *     resolution, or class ids (batch) as floats for class-conditional tasks
 * @param target the real output the condition should map to, (batch, C, H, W)
 * @param mask where the generator's output counts, (batch, 1, H, W) with 1 inside the hole, or null
 *     when the whole image is generated
 */
public record ConditionalPair(NDArray condition, NDArray target, NDArray mask) {

    /** A pair without a mask. */
    public static ConditionalPair of(NDArray condition, NDArray target) {
        return new ConditionalPair(condition, target, null);
    }
}
