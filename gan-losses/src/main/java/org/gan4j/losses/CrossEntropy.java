package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Numerically stable pieces of the GAN value function, written on logits l with D = sigmoid(l). */
final class CrossEntropy {
    private CrossEntropy() {}

    /** -log D = softplus(-l), averaged over the batch. */
    static NDArray negLogD(NDArray logits) {
        return Activation.softPlus(logits.neg()).mean();
    }

    /** -log(1 - D) = softplus(l), averaged over the batch. */
    static NDArray negLogOneMinusD(NDArray logits) {
        return Activation.softPlus(logits).mean();
    }

    /** -V(G, D) = -E[log D(x)] - E[log(1 - D(G(z)))]: D's binary cross-entropy, summed over both terms. */
    static NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
        return negLogD(realLogits).add(negLogOneMinusD(fakeLogits));
    }

    /**
     * D's binary cross-entropy with the real target s (one-sided label smoothing, Salimans et al.):
     * E[s softplus(-l_real) + (1 - s) softplus(l_real)] + E[softplus(l_fake)]; d/dl_real = D(x) - s.
     * With s = 1 this is exactly {@link #discriminatorLoss(NDArray, NDArray)}.
     */
    static NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits, double realLabel) {
        if (realLabel == 1.0) {
            return discriminatorLoss(realLogits, fakeLogits);
        }
        // float scalars: a double would make the engine's 0-d scalar float64, and PyTorch promotes 0-d by 0-d to it
        NDArray realTerm = negLogD(realLogits).mul((float) realLabel)
                .add(negLogOneMinusD(realLogits).mul((float) (1.0 - realLabel)));
        return realTerm.add(negLogOneMinusD(fakeLogits));
    }
}
