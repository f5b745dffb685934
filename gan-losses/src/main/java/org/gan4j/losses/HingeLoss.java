package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/** Hinge loss (Lim & Ye; Miyato et al.): D minimises E[relu(1 - l_real)] + E[relu(1 + l_fake)], G minimises -E[l_fake]. */
public final class HingeLoss implements AdversarialLoss {

    /** E[relu(1 - l_real)] + E[relu(1 + l_fake)]; d/dl_real = -1/batch where l_real < 1, d/dl_fake = 1/batch where l_fake > -1. */
    @Override
    public NDArray discriminatorLoss(LossContext context) {
        NDArray real = Activation.relu(context.realLogits().neg().add(1)).mean();
        NDArray fake = Activation.relu(context.fakeLogits().add(1)).mean();
        return real.add(fake);
    }

    /** -E[l_fake]; d/dl = -1/batch. */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return context.fakeLogits().mean().neg();
    }
}
