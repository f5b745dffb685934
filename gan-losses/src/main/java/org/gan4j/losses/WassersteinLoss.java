package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;

/**
 * Wasserstein GAN with weight clipping (Arjovsky et al.): the critic D minimises E[l_fake] - E[l_real],
 * G minimises -E[l_fake], and after every D update each trainable D weight is clipped to [-c, c]
 * (c = {@code clip}). With {@code clip: none} nothing is clipped: WGAN-GP (Gulrajani et al.) is this loss
 * with {@code clip: none} and the {@code gradient-penalty} regularizer.
 *
 * <p>The paper trains with RMSprop at lr 5e-5 and k = 5 critic steps per generator step
 * ({@code discriminator_steps: 5}); with Adam use a low lr and beta1 = 0 or 0.5. The critic's outputs are
 * scores, not logits: the logged D(x), D(G(z)) (their sigmoids) mean nothing for this loss.
 */
public final class WassersteinLoss implements AdversarialLoss {

    /** The word that turns clipping off. */
    static final String NO_CLIP = "none";

    @JsonPropertyDescription("c: after each D update every trainable D weight is clipped to [-c, c]; none: no clipping (WGAN-GP)")
    private Object clip = 0.01; // a Double, or NO_CLIP

    /** E[l_fake] - E[l_real]; d/dl_real = -1/batch, d/dl_fake = 1/batch. */
    @Override
    public NDArray discriminatorLoss(LossContext context) {
        return context.fakeLogits().mean().sub(context.realLogits().mean());
    }

    /** -E[l_fake]; d/dl = -1/batch. */
    @Override
    public NDArray generatorLoss(LossContext context) {
        return context.fakeLogits().mean().neg();
    }

    /** Clips, in place, every D parameter that requires a gradient (not BatchNorm's running statistics). */
    @Override
    public void afterDiscriminatorUpdate(Block discriminator) {
        if (clip instanceof Double c) {
            clipWeights(discriminator, c);
        }
    }

    /** Clips each trainable, initialised parameter of {@code block} to [-c, c] in place; frees what it creates. */
    static void clipWeights(Block block, double c) {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.requiresGradient() || !parameter.isInitialized()) {
                continue;
            }
            NDArray weights = parameter.getArray();
            // Everything the clip creates (PyTorch also makes scalar arrays for the bounds) lands in a scratch
            // manager, and the weights go back to their own manager when it closes.
            try (NDManager scratch = weights.getManager().newSubManager()) {
                weights.tempAttach(scratch);
                weights.clip(-c, c).copyTo(weights); // same array (and its gradient buffer), new values
            }
        }
    }

    /** c as a Double, or the word {@code none} when weights are not clipped. */
    public Object getClip() {
        return clip;
    }

    /** A finite number > 0, or {@code none}. */
    public void setClip(Object clip) {
        if (NO_CLIP.equals(clip)) {
            this.clip = NO_CLIP;
        } else if (clip instanceof Number n) {
            try {
                this.clip = ConfigChecks.positive(n.doubleValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a finite number > 0 or none, got " + clip);
            }
        } else {
            throw new IllegalArgumentException("must be a finite number > 0 or none, got " + clip);
        }
    }

    /** Whether weights are clipped after each D update (false for {@code clip: none}). */
    public boolean clips() {
        return clip instanceof Double;
    }
}
