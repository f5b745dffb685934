package org.gan4j.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.gan4j.api.engine.GanEngines;
import org.junit.jupiter.api.Test;

/** The PyTorch transposed convolution equals the definition y[o, i·s − p + a, j·s − p + b] += x[c, i, j]·W[c, o, a, b]. */
class DeconvolutionTest {

    @Test
    void matchesTheDefinitionForDcganAndOtherShapes() {
        GanEngines.select("pytorch");
        int[][] cases = {{3, 2, 4, 2, 1, 3}, {2, 3, 4, 2, 1, 7}, {1, 2, 3, 1, 0, 4}, {2, 2, 3, 2, 3, 5}, {4, 1, 4, 2, 1, 1}};
        for (int[] c : cases) {
            check(c[0], c[1], c[2], c[3], c[4], c[5]);
        }
    }

    /**
     * The backward agrees with the definition's: for L = Σ y·g, ∂L/∂x[c, i, j] = Σ W[c, o, a, b]·g[o, i·s − p + a, j·s − p + b]
     * and ∂L/∂W[c, o, a, b] = Σ x[c, i, j]·g[o, i·s − p + a, j·s − p + b].
     */
    @Test
    void gradientsMatchTheDefinition() {
        GanEngines.select("pytorch");
        int[][] cases = {{3, 2, 4, 2, 1, 3}, {2, 2, 3, 2, 3, 5}, {2, 3, 5, 3, 2, 4}};
        for (int[] c : cases) {
            checkGradients(c[0], c[1], c[2], c[3], c[4], c[5]);
        }
    }

    private static void checkGradients(int in, int out, int k, int s, int p, int size) {
        Random random = new Random(in * 13 + out * 5 + k + s + p + size);
        int outSize = (size - 1) * s - 2 * p + k;
        float[] x = gaussian(random, in * size * size);
        float[] w = gaussian(random, in * out * k * k);
        float[] g = gaussian(random, out * outSize * outSize);
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        forEachTap(in, out, k, s, p, size, (ci, i, j, o, a, b, r, q) -> {
            int xi = (ci * size + i) * size + j;
            int wi = ((ci * out + o) * k + a) * k + b;
            float gv = g[(o * outSize + r) * outSize + q];
            dx[xi] += w[wi] * gv;
            dw[wi] += x[xi] * gv;
        });
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray xs = manager.create(x, new Shape(1, in, size, size));
            NDArray ws = manager.create(w, new Shape(in, out, k, k));
            xs.setRequiresGradient(true);
            ws.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = new PytorchDeconvolution().apply(xs, ws, s, p);
                collector.backward(y.mul(manager.create(g, new Shape(1, out, outSize, outSize))).sum());
            }
            String label = "in " + in + " out " + out + " k " + k + " s " + s + " p " + p;
            assertArrayEquals(toFloat(dx), xs.getGradient().toFloatArray(), 1e-4f, "dL/dx, " + label);
            assertArrayEquals(toFloat(dw), ws.getGradient().toFloatArray(), 1e-4f, "dL/dW, " + label);
        }
    }

    /** One term of the definition: input pixel (ci, i, j) meets W[ci, o, a, b] at output pixel (o, r, q). */
    private interface Tap {
        void at(int ci, int i, int j, int o, int a, int b, int r, int q);
    }

    /** Visits every term x[ci, i, j]·W[ci, o, a, b] of y[o, r, q], r = i·s − p + a, q = j·s − p + b, inside the output. */
    private static void forEachTap(int in, int out, int k, int s, int p, int size, Tap tap) {
        int outSize = (size - 1) * s - 2 * p + k;
        for (int ci = 0; ci < in; ci++) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    for (int o = 0; o < out; o++) {
                        for (int a = 0; a < k; a++) {
                            for (int b = 0; b < k; b++) {
                                int r = i * s - p + a;
                                int q = j * s - p + b;
                                if (r >= 0 && r < outSize && q >= 0 && q < outSize) {
                                    tap.at(ci, i, j, o, a, b, r, q);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** What the convolution makes from the weight lives in the input's (step) manager, not the weight's (the network's). */
    @Test
    void leavesNothingInTheWeightsManager() {
        GanEngines.select("pytorch");
        try (NDManager network = NDManager.newBaseManager()) {
            NDArray w = network.randomNormal(new Shape(3, 2, 4, 4));
            int before = network.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = NDManager.newBaseManager()) {
                    new PytorchDeconvolution().apply(scope.randomNormal(new Shape(2, 3, 5, 5)), w, 2, 1);
                }
            }
            assertEquals(before, network.getManagedArrays().size(), "arrays left in the weight's manager");
        }
    }

    private static void check(int in, int out, int k, int s, int p, int size) {
        Random random = new Random(in * 31 + out * 7 + k + s + p + size);
        float[] x = gaussian(random, 2 * in * size * size);
        float[] w = gaussian(random, in * out * k * k);
        int outSize = (size - 1) * s - 2 * p + k;
        double[] expected = new double[2 * out * outSize * outSize];
        for (int n = 0; n < 2; n++) {
            int sample = n;
            forEachTap(in, out, k, s, p, size, (ci, i, j, o, a, b, r, q) ->
                    expected[((sample * out + o) * outSize + r) * outSize + q] +=
                            x[((sample * in + ci) * size + i) * size + j] * w[((ci * out + o) * k + a) * k + b]);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray y = new PytorchDeconvolution().apply(manager.create(x, new Shape(2, in, size, size)),
                    manager.create(w, new Shape(in, out, k, k)), s, p);
            assertEquals(new Shape(2, out, outSize, outSize), y.getShape());
            float[] actual = y.toFloatArray();
            float[] want = new float[expected.length];
            for (int i = 0; i < want.length; i++) {
                want[i] = (float) expected[i];
            }
            assertArrayEquals(want, actual, 1e-4f, "in " + in + " out " + out + " k " + k + " s " + s + " p " + p);
        }
    }
}
