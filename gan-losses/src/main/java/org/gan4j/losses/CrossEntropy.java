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
}
