package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.regularizer.RegularizerContext;

/** R1 and R2: γ/2 · E‖∇ₓD(x)‖² on the real (R1) or the generated (R2) samples of the step. */
abstract class ZeroCentredPenalty extends InputGradientPenalty {

    @JsonPropertyDescription("γ: the term is γ/2 · E||grad D||^2")
    private double gamma = 10;

    /** The samples the gradient is taken at. */
    abstract NDArray samples(RegularizerContext context);

    @Override
    public final NDArray term(RegularizerContext context) {
        NDArray points = samples(context).stopGradient();
        return squaredGradientNorms(context, points).mean().mul((float) (gamma / 2));
    }

    public double getGamma() {
        return gamma;
    }

    public void setGamma(double gamma) {
        this.gamma = Penalties.weight(gamma);
    }
}
