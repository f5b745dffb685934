package org.gan4j.api.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An adversarial objective, computed from the discriminator's logits (never from probabilities,
 * so no {@code log(sigmoid(.))} appears anywhere).
 *
 * <p>Both methods return a scalar that the trainer minimises: the discriminator's loss over D's
 * parameters, the generator's over G's. A loss that needs more than the logits (a gradient
 * penalty, a relativistic term) asks the {@link LossContext}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface AdversarialLoss {

    /** The discriminator's objective; the context has real and fake logits. */
    NDArray discriminatorLoss(LossContext context);

    /** The generator's objective; the context has the fake logits (real ones on demand). */
    NDArray generatorLoss(LossContext context);

    /**
     * Called after each discriminator update, for losses that constrain D (e.g. weight clipping).
     *
     * @param discriminator the discriminator block, whose parameters were just updated
     */
    default void afterDiscriminatorUpdate(Block discriminator) {}
}
