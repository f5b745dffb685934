package org.gan4j.api.data;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * A minibatch of real samples, with labels when the source has them.
 *
 * @param samples shape (batch, sampleShape...)
 * @param labels shape (batch), integer class ids, or null
 */
public record Batch(NDArray samples, NDArray labels) {

    public Optional<NDArray> labelsIfAny() {
        return Optional.ofNullable(labels);
    }

    public int size() {
        return Math.toIntExact(samples.getShape().get(0));
    }
}
