package org.gan4j.api.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a loss may read during one discriminator or generator step. Arrays are created inside the
 * step's scoped manager; a loss must not keep them after it returns.
 */
public interface LossContext {

    /** D's logits on the real minibatch, (batch, 1), or (batch, P) for a patch D; computed on demand in a G-step. */
    NDArray realLogits();

    /** D's logits on the generated minibatch, (batch, 1), or (batch, P) for a patch D. */
    NDArray fakeLogits();

    /** The real minibatch. */
    NDArray realSamples();

    /** The generated minibatch (detached from G during a discriminator step). */
    NDArray fakeSamples();

    /** Runs the discriminator on any samples inside the current step, e.g. for a penalty. */
    NDArray discriminate(NDArray samples);

    /**
     * Everything D returned for the real minibatch: the logits first ({@link #realLogits()}), then any auxiliary
     * outputs its architecture adds (an auxiliary classifier's class logits, (batch, K)).
     */
    default NDList realOutputs() {
        return new NDList(realLogits());
    }

    /** Everything D returned for the generated minibatch: the logits first, then any auxiliary outputs. */
    default NDList fakeOutputs() {
        return new NDList(fakeLogits());
    }

    /** The step's condition (class ids (batch) or an image batch), the same for real and generated; null when unconditional. */
    default NDArray condition() {
        return null;
    }

    /** Which network this step updates. */
    Phase phase();

    /** The generator step number (0-based) this computation belongs to. */
    long step();

    /** The network a step updates. */
    enum Phase {
        DISCRIMINATOR,
        GENERATOR
    }
}
