package org.gan4j.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.optim.ParameterOptimizer;

/** SGD with momentum as in Goodfellow et al.: v = μ v - lr·g, w += v. */
public final class SgdSpec implements OptimizerSpec {

    @JsonPropertyDescription("learning rate")
    private double lr = 0.01;

    @JsonPropertyDescription("momentum μ (0 for plain SGD)")
    private double momentum = 0.5;

    @JsonPropertyDescription("L2 weight decay")
    private double weightDecay = 0;

    public double getLr() {
        return lr;
    }

    public void setLr(double lr) {
        this.lr = ConfigChecks.positive(lr);
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = ConfigChecks.inRange(momentum, 0, 1, true);
    }

    public double getWeightDecay() {
        return weightDecay;
    }

    public void setWeightDecay(double weightDecay) {
        this.weightDecay = ConfigChecks.inRange(weightDecay, 0, Double.MAX_VALUE, false);
    }

    @Override
    public ParameterOptimizer create() {
        float lrF = (float) lr;
        float mu = (float) momentum;
        float wd = (float) weightDecay;
        return new StatefulOptimizer(1, lr) {
            @Override
            void apply(NDArray weight, NDArray gradient, NDArray[] slots, long t, double lrScale) {
                NDList inputs = mu == 0 ? new NDList(weight, gradient) : new NDList(weight, gradient, slots[0]);
                weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), (float) (lrF * lrScale), wd, 1f, -1f, mu, false);
            }
        };
    }
}
