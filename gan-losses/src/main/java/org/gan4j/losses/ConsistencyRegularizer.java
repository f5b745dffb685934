package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * Balanced consistency regularization (bCR; Zhao et al. 2020, "Improved Consistency Regularization for GANs",
 * Eq. 2), added to D's loss:
 *
 * <pre>
 *   R = λ_real · E‖D(x) − D(T(x))‖² + λ_fake · E‖D(G(z)) − D(T(G(z)))‖²
 * </pre>
 *
 * with T a random left-right flip and a translation by up to ⌊size/8⌋ pixels ({@link FlipTranslate}), drawn per
 * image from the regularizer's own stream (reproducible per seed and step). D is asked to give an image and its
 * augmented copy the same output; G(z) is detached, as in the D-step. λ_real = λ_fake = 10, the paper's values.
 * Image data only.
 */
public final class ConsistencyRegularizer implements Regularizer {
    static final String NAME = "consistency";

    @JsonPropertyDescription("λ_real: weight of the real-image term")
    private double lambdaReal = 10;

    @JsonPropertyDescription("λ_fake: weight of the generated-image term")
    private double lambdaFake = 10;

    @JsonPropertyDescription("apply every N-th D update, scaled by N (lazy regularization); 1: every update")
    private int every = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase target() {
        return Phase.DISCRIMINATOR;
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public NDArray term(RegularizerContext context) {
        NDArray realAugmented = FlipTranslate.apply(context.realSamples(), context.randomSeed());
        NDArray fakeAugmented = FlipTranslate.apply(context.fakeSamples(), context.randomSeed() ^ 0x9E3779B97F4A7C15L);
        NDArray realGap = context.realLogits().sub(context.discriminate(realAugmented));
        NDArray fakeGap = context.fakeLogits().sub(context.discriminate(fakeAugmented));
        // float scalars: a double is a float64 0-d array on PyTorch, which promotes the 0-d means to float64
        return squaredNorm(realGap).mul((float) lambdaReal).add(squaredNorm(fakeGap).mul((float) lambdaFake));
    }

    /** E over the batch of ‖·‖² over each sample's outputs (one logit, or P for a patch D). */
    private static NDArray squaredNorm(NDArray gap) {
        return gap.square().reshape(gap.getShape().get(0), -1).sum(new int[] {1}).mean();
    }

    public double getLambdaReal() {
        return lambdaReal;
    }

    public void setLambdaReal(double lambdaReal) {
        this.lambdaReal = nonNegative(lambdaReal);
    }

    public double getLambdaFake() {
        return lambdaFake;
    }

    public void setLambdaFake(double lambdaFake) {
        this.lambdaFake = nonNegative(lambdaFake);
    }

    public int getEvery() {
        return every;
    }

    public void setEvery(int every) {
        this.every = every;
    }

    private static double nonNegative(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
