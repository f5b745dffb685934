package org.gan4j.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;

/** An evaluation context with hand-made samples and a discriminator given as a logit function of x[0]. */
final class StubContext implements EvalContext, AutoCloseable {
    private final NDManager manager = NDManager.newBaseManager();
    private final float[] generated;
    private final float[] real;
    private final int d;
    private final DoubleUnaryOperator logit;
    private final GaussianMixture mixture;
    private final Path dir;
    long step = 100;

    StubContext(float[] generated, float[] real, int d, DoubleUnaryOperator logit, GaussianMixture mixture, Path dir) {
        this.generated = generated;
        this.real = real;
        this.d = d;
        this.logit = logit;
        this.mixture = mixture;
        this.dir = dir;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray generate(int n) {
        return take(generated, n);
    }

    @Override
    public NDArray realSamples(int n) {
        return take(real, n);
    }

    private NDArray take(float[] values, int n) {
        if (values.length < n * d) {
            throw new IllegalArgumentException("the stub holds " + values.length / d + " samples, asked " + n);
        }
        float[] out = new float[n * d];
        System.arraycopy(values, 0, out, 0, n * d);
        return manager.create(out, new Shape(n, d));
    }

    @Override
    public NDArray discriminatorLogits(NDArray samples) {
        float[] x = samples.toFloatArray();
        int n = (int) samples.getShape().get(0);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) logit.applyAsDouble(x[i * d]);
        }
        return manager.create(out, new Shape(n, 1));
    }

    @Override
    public SampleSource data() {
        return new SampleSource() {
            @Override
            public Shape sampleShape() {
                return new Shape(d);
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public Batch batch(NDManager m, long seed, long index, int batchSize) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<GaussianMixture> knownMixture() {
                return Optional.ofNullable(mixture);
            }
        };
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public Path outputDir() {
        return dir;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** n draws from a mixture, seeded. */
    static float[] draw(GaussianMixture m, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] out = new float[n * m.dimension()];
        for (int i = 0; i < n; i++) {
            m.sample(r, out, i * m.dimension());
        }
        return out;
    }

    static GaussianMixture gaussian1d(double mean, double std) {
        return GaussianMixture.uniform(java.util.List.of(new double[] {mean}), std);
    }
}
