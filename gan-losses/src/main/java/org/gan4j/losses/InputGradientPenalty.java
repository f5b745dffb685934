package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Random;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * What the penalties on ∇ₓD share: they are added to D's loss, need the input gradient with its graph
 * (second derivatives: the PyTorch engine), may be applied lazily, and draw any randomness on the host from
 * the regularizer's own stream ({@link RegularizerContext#randomSeed()}), so a run is reproducible and a
 * resumed run draws the same points. In a conditional run the gradient is taken with respect to the image
 * only, the step's condition held fixed (the context's {@code inputGradient} runs D with it).
 */
abstract class InputGradientPenalty implements Regularizer {
    /** Added to ‖∇‖² under the square root, so the norm's derivative stays finite where ∇ = 0. */
    static final double NORM_EPSILON = 1e-12;

    @JsonPropertyDescription("apply every N-th D update, scaled by N (lazy regularization); 1: every update")
    private int every = 1;

    @Override
    public final Phase target() {
        return Phase.DISCRIMINATOR;
    }

    @Override
    public final int every() {
        return every;
    }

    @Override
    public final boolean needsInputGradient() {
        return true;
    }

    public int getEvery() {
        return every;
    }

    public void setEvery(int every) {
        this.every = every;
    }

    /** ‖∇ₓD(x)‖² per sample, shape (batch), of the input gradient at {@code points}. */
    static NDArray squaredGradientNorms(RegularizerContext context, NDArray points) {
        NDArray gradient = context.inputGradient(points);
        return gradient.reshape(gradient.getShape().get(0), -1).square().sum(new int[] {1});
    }

    /** ‖∇ₓD(x)‖₂ per sample, shape (batch). */
    static NDArray gradientNorms(RegularizerContext context, NDArray points) {
        return squaredGradientNorms(context, points).add((float) NORM_EPSILON).sqrt();
    }

    /**
     * Uniform draws on [0, 1) from the regularizer's stream at this step, in {@code manager}: one per sample,
     * shaped (batch, 1, 1, ...) to broadcast over {@code like}, or one per element of {@code like}.
     */
    static NDArray uniform(RegularizerContext context, NDManager manager, Shape like, boolean perElement) {
        Random random = new Random(context.randomSeed());
        long batch = like.get(0);
        int count = Math.toIntExact(perElement ? like.size() : batch);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat();
        }
        if (perElement) {
            return manager.create(values, like);
        }
        long[] dims = new long[like.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = batch;
        return manager.create(values, new Shape(dims));
    }

    /** {@link #uniform} in the data type of {@code like} (float32 draws, so float64 runs draw the same values). */
    static NDArray uniformLike(RegularizerContext context, NDArray like, boolean perElement) {
        NDArray draws = uniform(context, like.getManager(), like.getShape(), perElement);
        return draws.getDataType() == like.getDataType() ? draws : draws.toType(like.getDataType(), false);
    }

    /** Refuses a real and a generated batch that cannot be paired sample by sample. */
    static void requireSameShape(NDArray real, NDArray fake, String regularizer) {
        if (!real.getShape().equals(fake.getShape())) {
            throw new IllegalStateException(regularizer + " pairs real and generated samples, but their batches differ: "
                    + real.getShape() + " and " + fake.getShape());
        }
    }
}
