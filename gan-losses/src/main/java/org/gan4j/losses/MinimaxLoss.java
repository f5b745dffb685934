package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * Goodfellow et al.'s minimax game: D minimises E[s softplus(-l_real) + (1 - s) softplus(l_real)] +
 * E[softplus(l_fake)] (s = {@code real_label}, 1 by default), G minimises E[log(1 - D(G(z)))] =
 * -E[softplus(l_fake)], which saturates (gradient -D(G(z)) -> 0) when D rejects G's samples confidently.
 */
public final class MinimaxLoss extends SmoothedCrossEntropyConfig implements AdversarialLoss {

    /** E[s softplus(-l_real) + (1 - s) softplus(l_real)] + E[softplus(l_fake)]; d/dl_real = D(x) - s. */
    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return CrossEntropy.discriminatorLoss(context.realLogits(), context.fakeLogits(), getRealLabel());
    }

    /** E[log(1 - D(G(z)))] = -E[softplus(l)]; d/dl = -D. */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return CrossEntropy.negLogOneMinusD(context.fakeLogits()).neg();
    }
}
