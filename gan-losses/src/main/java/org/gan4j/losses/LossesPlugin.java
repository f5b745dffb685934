package org.gan4j.losses;

import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.api.regularizer.Regularizer;

/** Registers the built-in adversarial losses and regularizers. */
public final class LossesPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(AdversarialLoss.class, "minimax", MinimaxLoss.class,
                "true minimax (saturating): G minimises log(1 - D(G(z)))");
        register(AdversarialLoss.class, "non-saturating", NonSaturatingLoss.class,
                "non-saturating: G minimises -log D(G(z)); D as in the minimax game");
        register(AdversarialLoss.class, "least-squares", LeastSquaresLoss.class,
                "LSGAN: D minimises (D(x)-b)^2/2 + (D(G(z))-a)^2/2, G (D(G(z))-c)^2/2 (batch means)");
        register(AdversarialLoss.class, "hinge", HingeLoss.class,
                "hinge: D minimises E[relu(1-D(x))] + E[relu(1+D(G(z)))], G -E[D(G(z))]");
        register(AdversarialLoss.class, "wasserstein", WassersteinLoss.class,
                "WGAN with weight clipping: D minimises E[D(G(z))] - E[D(x)], G -E[D(G(z))]; D's weights clipped to [-c, c]");
        register(Regularizer.class, LeCamRegularizer.NAME, LeCamRegularizer.class,
                "LeCam (Tseng et al. 2021): D's loss + lambda (E[(D(x)-a_F)^2] + E[(D(G(z))-a_R)^2]), a_R, a_F moving averages");
        register(Regularizer.class, ConsistencyRegularizer.NAME, ConsistencyRegularizer.class,
                "balanced consistency (Zhao et al. 2020): D's loss + l_real E|D(x)-D(T(x))|^2 + l_fake E|D(G(z))-D(T(G(z)))|^2, "
                        + "T a random flip and translation; images");
        register(org.gan4j.api.augment.Augmentation.class, DiffAugment.NAME, DiffAugment.class,
                "DiffAugment (Zhao et al. 2020): D sees T(x), T(G(z)) in both steps; policies color, translation, cutout");
        register(Regularizer.class, "gradient-penalty", GradientPenalty.class,
                "WGAN-GP (Gulrajani et al. 2017): D's loss + lambda E[(||grad D(x^)|| - 1)^2], x^ = e x + (1-e) G(z), e ~ U[0,1]; needs engine: pytorch");
        register(Regularizer.class, R1Penalty.NAME, R1Penalty.class,
                "R1 (Mescheder et al. 2018): D's loss + gamma/2 E||grad D(x)||^2 on real samples; needs engine: pytorch");
        register(Regularizer.class, R2Penalty.NAME, R2Penalty.class,
                "R2 (Mescheder et al. 2018): D's loss + gamma/2 E||grad D(G(z))||^2 on generated samples; needs engine: pytorch");
        register(Regularizer.class, DraganPenalty.NAME, DraganPenalty.class,
                "DRAGAN (Kodali et al. 2017): D's loss + lambda E[(||grad D(x~)|| - 1)^2], x~ = x + c std(x) U[0,1]; needs engine: pytorch");
    }
}
