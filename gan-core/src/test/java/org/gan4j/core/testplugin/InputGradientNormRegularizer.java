package org.gan4j.core.testplugin;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/** γ/2·E‖∇ₓD(x)‖² on the real batch (an R1 penalty), for tests of the engine's input gradient. */
public final class InputGradientNormRegularizer implements Regularizer {
    private double gamma = 1.0;

    public double getGamma() {
        return gamma;
    }

    public void setGamma(double gamma) {
        this.gamma = gamma;
    }

    @Override
    public String name() {
        return "input_gradient_norm";
    }

    @Override
    public Phase target() {
        return Phase.DISCRIMINATOR;
    }

    @Override
    public int every() {
        return 1;
    }

    @Override
    public boolean needsInputGradient() {
        return true;
    }

    @Override
    public NDArray term(RegularizerContext context) {
        NDArray gradient = context.inputGradient(context.realSamples());
        long n = gradient.getShape().get(0);
        // float scalars: on PyTorch a double or long scalar promotes the result to float64
        return gradient.square().sum().div((float) n).mul((float) (gamma / 2));
    }
}
