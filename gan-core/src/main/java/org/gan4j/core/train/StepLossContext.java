package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gan4j.api.loss.LossContext;

/**
 * The loss context of one D- or G-step; real logits are computed only if a loss asks for them. For a
 * conditional run the real samples are the targets and D judges every sample with the step's condition.
 */
final class StepLossContext implements LossContext {
    private final Phase phase;
    private final long step;
    private final Function<NDArray, NDList> discriminator;
    private final Supplier<NDArray> realSamples;
    private final NDArray condition;
    private final NDArray fakeSamples;
    private final NDList fakeOutputs;
    private NDList realOutputs;

    /**
     * @param discriminator D's full outputs for any samples, with the step's condition
     * @param realOutputs D's outputs on the real batch, or null to compute them when first asked for
     */
    StepLossContext(Phase phase, long step, Function<NDArray, NDList> discriminator, Supplier<NDArray> realSamples,
            NDArray condition, NDList realOutputs, NDArray fakeSamples, NDList fakeOutputs) {
        this.phase = phase;
        this.step = step;
        this.discriminator = discriminator;
        this.realSamples = realSamples;
        this.condition = condition;
        this.realOutputs = realOutputs;
        this.fakeSamples = fakeSamples;
        this.fakeOutputs = fakeOutputs;
    }

    @Override
    public NDArray realLogits() {
        return realOutputs().head();
    }

    @Override
    public NDArray fakeLogits() {
        return fakeOutputs.head();
    }

    @Override
    public NDList realOutputs() {
        if (realOutputs == null) {
            realOutputs = discriminator.apply(realSamples());
        }
        return realOutputs;
    }

    @Override
    public NDList fakeOutputs() {
        return fakeOutputs;
    }

    @Override
    public NDArray condition() {
        return condition;
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
        return discriminator.apply(samples).head(); // training mode, inside the step's gradient collector, with the step's condition
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
        return realOutputs == null ? null : realOutputs.head();
    }
}
