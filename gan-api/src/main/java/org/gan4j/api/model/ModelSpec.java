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
 * @param packing m: D judges packs of m samples joined along the first sample axis (PacGAN, Lin et al. 2018);
 *     1 for an ordinary D
 */
public record ModelSpec(Shape sampleShape, int latentDim, int numClasses, Shape conditionShape, int packing) {
    public ModelSpec {
        Objects.requireNonNull(sampleShape, "sampleShape");
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be positive, got " + latentDim);
        }
        if (packing < 1) {
            throw new IllegalArgumentException("packing must be 1 or more, got " + packing);
        }
        if (packing > 1 && (numClasses > 0 || conditionShape != null)) {
            throw new IllegalArgumentException("packing applies to unconditional models only");
        }
        if (packing > 1 && sampleShape.dimension() == 0) {
            throw new IllegalArgumentException("packing needs samples with at least one axis, got " + sampleShape);
        }
    }

    /** A spec whose D judges single samples (no packing). */
    public ModelSpec(Shape sampleShape, int latentDim, int numClasses, Shape conditionShape) {
        this(sampleShape, latentDim, numClasses, conditionShape, 1);
    }

    /** An unconditional model. */
    public static ModelSpec of(Shape sampleShape, int latentDim) {
        return new ModelSpec(sampleShape, latentDim, 0, null);
    }

    /** This spec with D judging packs of {@code m} samples (1: single samples). */
    public ModelSpec withPacking(int m) {
        return new ModelSpec(sampleShape, latentDim, numClasses, conditionShape, m);
    }

    /**
     * The shape of one input of D without the batch axis: the sample shape with its first axis (features of a
     * vector, channels of an image) multiplied by {@link #packing()}, e.g. (2) packed by 3 is (6) and
     * (1, 28, 28) packed by 2 is (2, 28, 28). G's output keeps {@link #sampleShape()}.
     */
    public Shape discriminatorInputShape() {
        if (packing == 1) {
            return sampleShape;
        }
        long[] dims = sampleShape.getShape().clone(); // getShape() is the Shape's own array
        dims[0] *= packing;
        return new Shape(dims);
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
