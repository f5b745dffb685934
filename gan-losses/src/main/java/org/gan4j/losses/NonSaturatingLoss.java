package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * The non-saturating heuristic of Goodfellow et al.: D as in {@link MinimaxLoss} (with the same
 * {@code real_label} smoothing), G minimises -E[log D(G(z))] = E[softplus(-l_fake)], whose gradient
 * -(1 - D(G(z))) is large exactly when D rejects G.
 */
public final class NonSaturatingLoss extends SmoothedCrossEntropyConfig implements AdversarialLoss {

    /** E[s softplus(-l_real) + (1 - s) softplus(l_real)] + E[softplus(l_fake)]; d/dl_real = D(x) - s. */
    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return CrossEntropy.discriminatorLoss(context.realLogits(), context.fakeLogits(), getRealLabel());
    }

    /** -E[log D(G(z))] = E[softplus(-l)]; d/dl = -(1 - D). */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return CrossEntropy.negLogD(context.fakeLogits());
    }
}
