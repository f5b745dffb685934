package org.gan4j.optimizers;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.optim.ParameterOptimizer;

/**
 * RMSprop (Tieleman and Hinton, 2012), as PyTorch's {@code torch.optim.RMSprop} without momentum or centring:
 *
 * <pre>
 *   g ← g + wd·θ,   v ← ρ·v + (1 − ρ)·g²,   θ ← θ − lr·g / (√v + ε)
 * </pre>
 *
 * v starts at 0. Defaults are PyTorch's (lr 0.01, ρ = alpha 0.99, ε 1e-8); the weight-clipped WGAN of
 * Arjovsky et al. uses lr 5e-5. Written in plain NDArray arithmetic so it runs on every engine.
 */
public final class RmsPropSpec implements OptimizerSpec {

    @JsonPropertyDescription("learning rate")
    private double lr = 0.01;

    @JsonPropertyDescription("ρ: decay of the running average of g² (PyTorch's alpha)")
    private double alpha = 0.99;

    @JsonPropertyDescription("added to sqrt(v) for stability")
    private double epsilon = 1e-8;

    @JsonPropertyDescription("L2 weight decay")
    private double weightDecay = 0;

    public double getLr() {
        return lr;
    }

    public void setLr(double lr) {
        this.lr = ConfigChecks.positive(lr);
    }

    public double getAlpha() {
        return alpha;
    }

    public void setAlpha(double alpha) {
        this.alpha = ConfigChecks.inRange(alpha, 0, 1, true);
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
        float rho = (float) alpha;
        float eps = (float) epsilon;
        float wd = (float) weightDecay;
        return new StatefulOptimizer(1, lr) {
            @Override
            void apply(NDArray weight, NDArray gradient, NDArray[] slots, long t, double lrScale) {
                NDArray v = slots[0];
                // Every temporary is closed here: they attach to the gradient's or the weight's long-lived manager.
                try (NDArray g = gradient.duplicate()) {
                    if (wd != 0) {
                        try (NDArray decay = weight.mul(wd)) {
                            g.addi(decay);
                        }
                    }
                    try (NDArray g2 = g.square()) {
                        v.muli(rho).addi(g2.muli(1 - rho));
                    }
                    try (NDArray denominator = v.sqrt()) {
                        denominator.addi(eps);
                        g.divi(denominator).muli((float) (lr * lrScale));
                    }
                    weight.subi(g);
                }
            }
        };
    }
}
