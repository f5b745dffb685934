package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017, "Improved Training of Wasserstein GANs", Alg. 1),
 * added to D's loss:
 *
 * <pre>
 *   R = λ · E[(‖∇ₓD(x̂)‖₂ − 1)²],   x̂ = ε·x + (1 − ε)·G(z),   ε ~ U[0, 1] per sample
 * </pre>
 *
 * x a real and G(z) a generated sample of the same step (G(z) detached). With {@code one_sided: true} only
 * norms above 1 are penalised: λ·E[max(0, ‖∇‖₂ − 1)²] (the paper's appendix). Default λ = 10. WGAN-GP is
 * {@code loss: {type: wasserstein, clip: none}} with this term, on a critic without BatchNorm (a per-sample
 * gradient is ill-defined through batch statistics).
 */
public final class GradientPenalty extends InputGradientPenalty {
    static final String NAME = "gradient_penalty";

    @JsonPropertyDescription("λ: weight of the term in D's loss")
    private double lambda = 10;

    @JsonPropertyDescription("penalise only norms above 1: max(0, ||grad|| - 1)^2")
    private boolean oneSided;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray term(RegularizerContext context) {
        NDArray real = context.realSamples().stopGradient();
        NDArray fake = context.fakeSamples().stopGradient();
        requireSameShape(real, fake, "gradient-penalty");
        NDArray epsilon = uniformLike(context, real, false);
        NDArray interpolated = real.mul(epsilon).add(fake.mul(epsilon.neg().add(1)));
        NDArray excess = gradientNorms(context, interpolated).sub(1);
        if (oneSided) {
            excess = excess.maximum(0);
        }
        return excess.square().mean().mul((float) lambda); // a float scalar: a double one would promote the term to float64 on PyTorch
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = Penalties.weight(lambda);
    }

    public boolean isOneSided() {
        return oneSided;
    }

    public void setOneSided(boolean oneSided) {
        this.oneSided = oneSided;
    }
}
