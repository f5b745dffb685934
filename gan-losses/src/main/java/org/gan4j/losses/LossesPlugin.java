package org.gan4j.losses;

import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the built-in adversarial losses. */
public final class LossesPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(AdversarialLoss.class, "minimax", MinimaxLoss.class,
                "true minimax (saturating): G minimises log(1 - D(G(z)))");
        register(AdversarialLoss.class, "non-saturating", NonSaturatingLoss.class,
                "non-saturating: G minimises -log D(G(z)); D as in the minimax game");
    }
}
