package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * The DRAGAN penalty (Kodali et al. 2017, "On Convergence and Stability of GANs"), added to D's loss, at
 * real samples perturbed as in the authors' code ({@code X + 0.5 * X.std() * np.random.random(X.shape)}):
 *
 * <pre>
 *   R = λ · E[(‖∇ₓD(x̃)‖₂ − 1)²],   x̃ = x + c·std(x)·u,   u ~ U[0, 1] per element
 * </pre>
 *
 * std(x) is the population standard deviation of the whole real batch (one number, as numpy's
 * {@code X.std()}). Defaults c = 0.5, λ = 10.
 */
public final class DraganPenalty extends InputGradientPenalty {
    static final String NAME = "dragan";

    @JsonPropertyDescription("λ: weight of the term in D's loss")
    private double lambda = 10;

    @JsonPropertyDescription("c: the perturbation is c * std(x) * U[0, 1] per element")
    private double c = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NDArray term(RegularizerContext context) {
        NDArray real = context.realSamples().stopGradient();
        NDArray u = uniformLike(context, real, true);
        double std = standardDeviation(real);
        NDArray perturbed = real.add(u.mul((float) (c * std)));
        return gradientNorms(context, perturbed).sub(1).square().mean().mul((float) lambda);
    }

    /** The population standard deviation of every element of {@code x}, read on the host (it is a constant of the step). */
    static double standardDeviation(NDArray x) {
        double[] values;
        try (NDArray copy = x.toType(DataType.FLOAT64, true)) {
            values = copy.toDoubleArray();
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        this.lambda = Penalties.weight(lambda);
    }

    public double getC() {
        return c;
    }

    public void setC(double c) {
        this.c = ConfigChecks.positive(c);
    }
}
