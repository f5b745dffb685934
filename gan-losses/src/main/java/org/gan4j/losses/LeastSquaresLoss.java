package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * Least squares GAN (Mao et al.) on D's raw outputs l: D minimises ½E[(l_real - b)²] + ½E[(l_fake - a)²],
 * G minimises ½E[(l_fake - c)²]; a = {@code fake_target} (0), b = {@code real_target} (1), c =
 * {@code generator_target} (1).
 */
public final class LeastSquaresLoss implements AdversarialLoss {

    @JsonPropertyDescription("b: D's target output for real samples")
    private double realTarget = 1.0;

    @JsonPropertyDescription("a: D's target output for generated samples")
    private double fakeTarget = 0.0;

    @JsonPropertyDescription("c: the output G wants D to give its samples")
    private double generatorTarget = 1.0;

    /** ½E[(l_real - b)²] + ½E[(l_fake - a)²]; d/dl = (l - target) / batch. */
    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return halfMeanSquare(context.realLogits(), realTarget)
                .add(halfMeanSquare(context.fakeLogits(), fakeTarget));
    }

    /** ½E[(l_fake - c)²]; d/dl = (l - c) / batch. */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return halfMeanSquare(context.fakeLogits(), generatorTarget);
    }

    /** Float scalars: a double is a float64 0-d array on PyTorch, which promotes the 0-d mean to float64. */
    private static NDArray halfMeanSquare(NDArray logits, double target) {
        return logits.sub((float) target).square().mean().mul(0.5f);
    }

    public double getRealTarget() {
        return realTarget;
    }

    public void setRealTarget(double realTarget) {
        this.realTarget = ConfigChecks.finite(realTarget);
    }

    public double getFakeTarget() {
        return fakeTarget;
    }

    public void setFakeTarget(double fakeTarget) {
        this.fakeTarget = ConfigChecks.finite(fakeTarget);
    }

    public double getGeneratorTarget() {
        return generatorTarget;
    }

    public void setGeneratorTarget(double generatorTarget) {
        this.generatorTarget = ConfigChecks.finite(generatorTarget);
    }
}
