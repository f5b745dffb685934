package org.gan4j.api.model;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * What an architecture must fit: the shape of one sample, the latent size and an optional
 * condition (class labels, or an image for image-to-image tasks).
 *
 * @param sampleShape shape of one sample without the batch axis, e.g. (2) or (1, 28, 28)
 * @param latentDim size of z
 * @param numClasses number of classes for class-conditional models, 0 when unconditional
 * @param conditionShape shape of one condition sample for image-conditional models, or null
 */
public record ModelSpec(Shape sampleShape, int latentDim, int numClasses, Shape conditionShape) {
    public ModelSpec {
        Objects.requireNonNull(sampleShape, "sampleShape");
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be positive, got " + latentDim);
        }
    }

    /** An unconditional model. */
    public static ModelSpec of(Shape sampleShape, int latentDim) {
        return new ModelSpec(sampleShape, latentDim, 0, null);
    }

    /** Whether G and D receive a condition as their second input. */
    public boolean conditional() {
        return numClasses > 0 || conditionShape != null;
    }

    /** Number of values in one sample. */
    public int sampleSize() {
        return Math.toIntExact(sampleShape.size());
    }
}
