package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * Goodfellow et al.'s minimax game: G minimises E[log(1 - D(G(z)))] = -E[softplus(l_fake)], which
 * saturates (gradient -D(G(z)) -> 0) when D rejects G's samples confidently.
 */
public final class MinimaxLoss implements AdversarialLoss {

    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return CrossEntropy.discriminatorLoss(context.realLogits(), context.fakeLogits());
    }

    /** E[log(1 - D(G(z)))] = -E[softplus(l)]; d/dl = -D. */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return CrossEntropy.negLogOneMinusD(context.fakeLogits()).neg();
    }
}
