package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * A D-step context whose input gradient is a known function of the point (∇ₓD of a D given in closed form),
 * recording every point a penalty asks about, so values can be checked by hand on any engine.
 */
final class AnalyticGradientContext implements RegularizerContext {
    private final NDArray real;
    private final NDArray fake;
    private final long seed;
    private final UnaryOperator<NDArray> gradient;
    final List<float[]> points = new ArrayList<>();

    AnalyticGradientContext(NDArray real, NDArray fake, long seed, UnaryOperator<NDArray> gradient) {
        this.real = real;
        this.fake = fake;
        this.seed = seed;
        this.gradient = gradient;
    }

    @Override
    public NDArray inputGradient(NDArray samples) {
        points.add(samples.toFloatArray());
        return gradient.apply(samples);
    }

    @Override
    public long randomSeed() {
        return seed;
    }

    @Override
    public long update() {
        return 1;
    }

    @Override
    public void log(String column, double value) {}

    @Override
    public NDArray realLogits() {
        throw new UnsupportedOperationException("penalties read samples, not logits");
    }

    @Override
    public NDArray fakeLogits() {
        throw new UnsupportedOperationException("penalties read samples, not logits");
    }

    @Override
    public NDArray realSamples() {
        return real;
    }

    @Override
    public NDArray fakeSamples() {
        return fake;
    }

    @Override
    public NDArray discriminate(NDArray samples) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Phase phase() {
        return Phase.DISCRIMINATOR;
    }

    @Override
    public long step() {
        return 0;
    }
}
