package org.gan4j.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.optim.ParameterOptimizer;

/** Adam (Kingma and Ba): m = β1 m + (1-β1) g, v = β2 v + (1-β2) g², w -= lr·sqrt(1-β2^t)/(1-β1^t)·m/(sqrt(v)+ε). */
public final class AdamSpec implements OptimizerSpec {

    @JsonPropertyDescription("learning rate")
    private double lr = 2e-4;

    @JsonPropertyDescription("decay of the first moment")
    private double beta1 = 0.5;

    @JsonPropertyDescription("decay of the second moment")
    private double beta2 = 0.999;

    @JsonPropertyDescription("added to sqrt(v) for stability")
    private double epsilon = 1e-8;

    @JsonPropertyDescription("L2 weight decay")
    private double weightDecay = 0;

    /** The DCGAN setting: lr 2e-4, β1 0.5. */
    public static AdamSpec dcgan() {
        return new AdamSpec();
    }

    public double getLr() {
        return lr;
    }

    public void setLr(double lr) {
        this.lr = ConfigChecks.positive(lr);
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = ConfigChecks.inRange(beta1, 0, 1, true);
    }

    public double getBeta2() {
        return beta2;
    }

    public void setBeta2(double beta2) {
        this.beta2 = ConfigChecks.inRange(beta2, 0, 1, true);
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = ConfigChecks.positive(epsilon);
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
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float wd = (float) weightDecay;
        return new StatefulOptimizer(2, lr) {
            @Override
            void apply(NDArray weight, NDArray gradient, NDArray[] slots, long t, double lrScale) {
                float corrected = (float) (lrScale * lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, gradient, slots[0], slots[1]), new NDList(weight),
                        (float) (lrF * lrScale), corrected, wd, 1f, -1f, b1, b2, eps, false, false);
            }
        };
    }
}
