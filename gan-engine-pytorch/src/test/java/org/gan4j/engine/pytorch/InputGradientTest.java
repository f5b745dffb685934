package org.gan4j.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.engine.GradientControl;
import org.junit.jupiter.api.Test;

/**
 * ∇ₓD on PyTorch stays in the graph: for D(x) = tanh(x W1ᵀ + b1) W2ᵀ + b2 and P = Σᵢ ‖∇ₓD(xᵢ)‖², the gradient
 * of P that the engine back-propagates into D's weights equals central finite differences of P computed
 * in double precision from the closed form ∇ₓD(x) = W1ᵀ (w2 ⊙ (1 − tanh²(x W1ᵀ + b1))).
 */
class InputGradientTest {
    private static final int IN = 2;
    private static final int HIDDEN = 3;

    @Test
    void penaltyOnTheInputGradientBackPropagatesIntoDsWeightsExactly() {
        GanEngine engine = GanEngines.select("pytorch");
        GradientControl gradients = engine.gradients();
        assertTrue(gradients.secondDerivatives());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Block d = new SequentialBlock().add(Linear.builder().setUnits(HIDDEN).build())
                    .add(Activation::tanh).add(Linear.builder().setUnits(1).build());
            d.initialize(manager, DataType.FLOAT32, new Shape(1, IN));
            ParameterStore store = new ParameterStore(manager, false);
            UnaryOperator<NDArray> discriminator = x -> d.forward(store, new NDList(x), true).head();
            NDArray x = manager.create(new float[] {0.3f, -0.7f, 1.1f, 0.4f, -0.5f, 0.9f}, new Shape(3, IN));
            float[][] w = new float[4][];
            for (int i = 0; i < 4; i++) {
                w[i] = d.getParameters().get(i).getValue().getArray().toFloatArray();
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                gradients.zeroGradients(d.getParameters());
                NDArray inputGradient = gradients.inputGradient(x, discriminator, d.getParameters());
                double[] expected = closedFormInputGradient(x.toFloatArray(), w);
                float[] actual = inputGradient.toFloatArray();
                for (int i = 0; i < actual.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-5, "∇ₓD entry " + i);
                }
                for (int i = 0; i < 4; i++) { // the extra backward's dD/dθ was cleared
                    NDArray g = d.getParameters().get(i).getValue().getArray().getGradient();
                    assertEquals(0f, g.abs().sum().getFloat(), "parameter " + i + " gradient after ∇ₓD");
                }
                collector.backward(inputGradient.square().sum());
            }
            double[] xs = toDouble(x.toFloatArray());
            for (int p = 0; p < 4; p++) {
                float[] autograd = d.getParameters().get(p).getValue().getArray().getGradient().toFloatArray();
                boolean anyNonZero = false;
                for (int k = 0; k < autograd.length; k++) {
                    double[][] plus = toDouble(w);
                    double[][] minus = toDouble(w);
                    double h = 1e-6;
                    plus[p][k] += h;
                    minus[p][k] -= h;
                    double fd = (penalty(xs, plus) - penalty(xs, minus)) / (2 * h);
                    assertEquals(fd, autograd[k], 1e-4 * Math.max(1, Math.abs(fd)), "dP/dθ, parameter " + p + "[" + k + "]");
                    anyNonZero |= Math.abs(fd) > 1e-3;
                }
                if (p < 3) { // b2 does not enter ∇ₓD
                    assertTrue(anyNonZero, "parameter " + p + " has a non-zero penalty gradient");
                }
            }
        }
    }

    @Test
    void zeroGradientsClearsANaNGradient() {
        GanEngine engine = GanEngines.select("pytorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block d = Linear.builder().setUnits(1).build();
            d.initialize(manager, DataType.FLOAT32, new Shape(1, IN));
            ParameterStore store = new ParameterStore(manager, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = d.forward(store, new NDList(manager.create(new float[] {Float.NaN, 1f}, new Shape(1, 2))), true).head();
                collector.backward(out.sum());
            }
            NDArray weight = d.getParameters().get(0).getValue().getArray();
            assertTrue(Float.isNaN(weight.getGradient().toFloatArray()[0]));
            engine.gradients().zeroGradients(d.getParameters());
            for (float g : weight.getGradient().toFloatArray()) {
                assertFalse(Float.isNaN(g));
                assertEquals(0f, g);
            }
        }
    }

    /** ∇ₓD per sample: row i is W1ᵀ (w2 ⊙ (1 − tanh²(xᵢ W1ᵀ + b1))). */
    private static double[] closedFormInputGradient(float[] x, float[][] w) {
        return inputGradient(toDouble(x), toDouble(w));
    }

    private static double[] inputGradient(double[] x, double[][] w) {
        double[] w1 = w[0]; // (HIDDEN, IN)
        double[] b1 = w[1];
        double[] w2 = w[2]; // (1, HIDDEN)
        int n = x.length / IN;
        double[] g = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < HIDDEN; h++) {
                double a = b1[h];
                for (int j = 0; j < IN; j++) {
                    a += x[i * IN + j] * w1[h * IN + j];
                }
                double t = Math.tanh(a);
                double back = w2[h] * (1 - t * t);
                for (int j = 0; j < IN; j++) {
                    g[i * IN + j] += back * w1[h * IN + j];
                }
            }
        }
        return g;
    }

    private static double penalty(double[] x, double[][] w) {
        double p = 0;
        for (double v : inputGradient(x, w)) {
            p += v * v;
        }
        return p;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static double[][] toDouble(float[][] a) {
        double[][] d = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            d[i] = toDouble(a[i]);
        }
        return d;
    }
}
