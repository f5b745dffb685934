package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.loss.LossContext;

/** A loss context holding only logits, as a loss's formula sees them. */
record LogitsContext(NDArray realLogits, NDArray fakeLogits, Phase phase) implements LossContext {
    @Override
    public NDArray realSamples() {
        throw new UnsupportedOperationException();
    }

    @Override
    public NDArray fakeSamples() {
        throw new UnsupportedOperationException();
    }

    @Override
    public NDArray discriminate(NDArray samples) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long step() {
        return 0;
    }
}
