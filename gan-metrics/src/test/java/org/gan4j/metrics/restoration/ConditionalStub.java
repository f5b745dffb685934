package org.gan4j.metrics.restoration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;

/**
 * An evaluation context of a conditional run with hand-made targets, outputs, baseline and mask (signed [-1, 1]
 * values, mask 0/1), or of an unconditional run when no target is given.
 */
final class ConditionalStub implements EvalContext, AutoCloseable {
    private final NDManager manager = NDManager.newBaseManager();
    private final ConditionalSamples samples;
    /** The n of the last {@link #conditionalSamples} call. */
    int requested = -1;

    /** An unconditional run. */
    ConditionalStub() {
        this.samples = null;
    }

    /**
     * @param baseline or null
     * @param mask (n, 1, h, w) values, or null
     */
    ConditionalStub(Shape shape, float[] target, float[] output, float[] baseline, float[] mask) {
        NDArray t = manager.create(target, shape);
        NDArray m = mask == null ? null : manager.create(mask, new Shape(shape.get(0), 1, shape.get(2), shape.get(3)));
        this.samples = new ConditionalSamples(new ConditionalPair(t, t, m), manager.create(output, shape),
                baseline == null ? null : manager.create(baseline, shape), null, 0);
    }

    @Override
    public Optional<ConditionalSamples> conditionalSamples(int n) {
        requested = n;
        return Optional.ofNullable(samples);
    }

    @Override
    public long step() {
        return 100;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray generate(int n) {
        throw new UnsupportedOperationException("restoration metrics use conditionalSamples");
    }

    @Override
    public NDArray realSamples(int n) {
        throw new UnsupportedOperationException("restoration metrics use conditionalSamples");
    }

    @Override
    public NDArray discriminatorLogits(NDArray samples) {
        throw new UnsupportedOperationException("restoration metrics use conditionalSamples");
    }

    @Override
    public SampleSource data() {
        throw new UnsupportedOperationException("restoration metrics use conditionalSamples");
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public Path outputDir() {
        return Path.of(".");
    }

    @Override
    public void close() {
        manager.close();
    }

    /** n values in [-1, 1], seeded. */
    static float[] random(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextFloat() - 1;
        }
        return x;
    }

    static float[] plus(float[] x, float offset) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(-1, Math.min(1, x[i] + offset));
        }
        return out;
    }
}
