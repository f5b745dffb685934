package org.gan4j.core.testplugin;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;
import org.gan4j.losses.NonSaturatingLoss;

/** Test-only: the non-saturating loss, except that D's loss is NaN the first time step {@code at_step} runs. */
public final class NanOnceLoss implements AdversarialLoss {
    private final NonSaturatingLoss loss = new NonSaturatingLoss();
    private boolean fired;
    public long atStep = 10;

    @Override
    public NDArray discriminatorLoss(LossContext context) {
        NDArray value = loss.discriminatorLoss(context);
        if (!fired && context.step() == atStep) {
            fired = true;
            return value.mul(Float.NaN);
        }
        return value;
    }

    @Override
    public NDArray generatorLoss(LossContext context) {
        return loss.generatorLoss(context);
    }
}
