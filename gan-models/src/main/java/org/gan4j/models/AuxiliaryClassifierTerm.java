package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * AC-GAN's class terms (Odena et al. 2017), added by an {@code auxiliary_classifier} discriminator to the losses
 * (D's second output c(x) holds K class logits, y the step's class ids, CE(c, y) = −E[log softmax(c)_y]):
 * <pre>
 *   D minimises L_adv + λ_D · (CE(c(x_real), y) + CE(c(G(z | y)), y))
 *   G minimises L_adv + λ_G · CE(c(G(z | y)), y)
 * </pre>
 * Logged as {@code reg_aux_class_d} and {@code reg_aux_class_g}.
 */
final class AuxiliaryClassifierTerm implements Regularizer {
    private final Phase target;
    private final double weight;
    private final int classes;

    AuxiliaryClassifierTerm(Phase target, double weight, int classes) {
        this.target = target;
        this.weight = weight;
        this.classes = classes;
    }

    @Override
    public String name() {
        return target == Phase.DISCRIMINATOR ? "aux_class_d" : "aux_class_g";
    }

    @Override
    public Phase target() {
        return target;
    }

    @Override
    public int every() {
        return 1;
    }

    @Override
    public NDArray term(RegularizerContext context) {
        NDArray labels = context.condition();
        if (labels == null || context.fakeOutputs().size() < 2) {
            throw new IllegalStateException("the auxiliary-classifier term needs class labels and a discriminator "
                    + "with a class head (discriminator_conditioning: auxiliary_classifier)");
        }
        NDArray fake = crossEntropy(context.fakeOutputs().get(1), labels, classes);
        NDArray term = target == Phase.DISCRIMINATOR
                ? crossEntropy(context.realOutputs().get(1), labels, classes).add(fake) : fake;
        return term.mul((float) weight); // a double is a float64 0-d array on PyTorch, promoting the 0-d term
    }

    /** −E[log softmax(logits)_y] over the batch. */
    static NDArray crossEntropy(NDArray logits, NDArray labels, int classes) {
        return logits.logSoftmax(1).mul(ClassConditioning.oneHot(labels, classes)).sum(new int[] {1}).mean().neg();
    }
}
