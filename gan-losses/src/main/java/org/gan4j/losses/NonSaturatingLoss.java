package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * The non-saturating heuristic of Goodfellow et al.: G minimises -E[log D(G(z))] =
 * E[softplus(-l_fake)], whose gradient -(1 - D(G(z))) is large exactly when D rejects G.
 */
public final class NonSaturatingLoss implements AdversarialLoss {

    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return CrossEntropy.discriminatorLoss(context.realLogits(), context.fakeLogits());
    }

    /** -E[log D(G(z))] = E[softplus(-l)]; d/dl = -(1 - D). */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return CrossEntropy.negLogD(context.fakeLogits());
    }
}
