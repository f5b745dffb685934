package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.gan4j.api.loss.LossContext;

/**
 * The loss context of one D- or G-step; real logits are computed only if a loss asks for them. For a
 * conditional run the real samples are the targets and D judges every sample with the step's condition.
 */
final class StepLossContext implements LossContext {
    private final Phase phase;
    private final long step;
    private final UnaryOperator<NDArray> discriminator;
    private final Supplier<NDArray> realSamples;
    private final NDArray fakeSamples;
    private final NDArray fakeLogits;
    private NDArray realLogits;

    StepLossContext(Phase phase, long step, UnaryOperator<NDArray> discriminator, Supplier<NDArray> realSamples,
            NDArray realLogits, NDArray fakeSamples, NDArray fakeLogits) {
        this.phase = phase;
        this.step = step;
        this.discriminator = discriminator;
        this.realSamples = realSamples;
        this.realLogits = realLogits;
        this.fakeSamples = fakeSamples;
        this.fakeLogits = fakeLogits;
    }

    @Override
    public NDArray realLogits() {
        if (realLogits == null) {
            realLogits = discriminate(realSamples());
        }
        return realLogits;
    }

    @Override
    public NDArray fakeLogits() {
        return fakeLogits;
    }

    @Override
    public NDArray realSamples() {
        return realSamples.get();
    }

    @Override
    public NDArray fakeSamples() {
        return fakeSamples;
    }

    @Override
    public NDArray discriminate(NDArray samples) {
        return discriminator.apply(samples); // training mode, inside the step's gradient collector, with the step's condition
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public long step() {
        return step;
    }

    /** The real logits if they were computed during this step, else null. */
    NDArray realLogitsIfComputed() {
        return realLogits;
    }
}
