package com.example.ganplugin;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * Relativistic average GAN (Jolicoeur-Martineau 2018): with C the critic's logit,
 * D: E[softplus(−(C(x) − E C(G(z))))] + E[softplus(C(G(z)) − E C(x))], G: the same with real and fake swapped.
 */
public final class RelativisticAverageLoss implements AdversarialLoss {

    @Override
    public NDArray discriminatorLoss(LossContext c) {
        return relativistic(c.realLogits(), c.fakeLogits());
    }

    @Override
    public NDArray generatorLoss(LossContext c) {
        return relativistic(c.fakeLogits(), c.realLogits());
    }

    /** −E[log σ(a − E b)] − E[log(1 − σ(b − E a))], in softplus form. */
    private static NDArray relativistic(NDArray a, NDArray b) {
        NDArray first = Activation.softPlus(a.sub(b.mean()).neg()).mean();
        NDArray second = Activation.softPlus(b.sub(a.mean())).mean();
        return first.add(second);
    }
}
