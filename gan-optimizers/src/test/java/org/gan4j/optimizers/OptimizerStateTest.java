package org.gan4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.gan4j.api.optim.ParameterOptimizer;
import org.junit.jupiter.api.Test;

/**
 * One update of each optimizer against its formula, and the state layout checkpoints hold: it must
 * not change when the optimizers move (updates, lr scale, slots, count, then name and arrays per parameter).
 */
class OptimizerStateTest {

    /** One update of w = [1, 2] with loss ½|w|², so the gradient is w; returns the saved state. */
    private static byte[] stepAndSave(ParameterOptimizer optimizer, NDManager manager, float[] expectedWeight) throws Exception {
        Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        w.setArray(manager.create(new float[] {1, 2}));
        w.getArray().setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(w.getArray().square().sum().mul(0.5f));
        }
        PairList<String, Parameter> parameters = new PairList<>();
        parameters.add("w", w);
        optimizer.update(parameters);
        assertArrayEquals(expectedWeight, w.getArray().toFloatArray(), 1e-6f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        optimizer.save(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void adamStepAndStateLayout() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); ParameterOptimizer adam = new AdamSpec().create()) {
            // t = 1: m̂ = g, v̂ = g², so w -= lr · g / (|g| + ε) = lr · sign(g)
            byte[] state = stepAndSave(adam, manager, new float[] {1 - 2e-4f, 2 - 2e-4f});
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            assertEquals(1L, in.readLong(), "updates");
            assertEquals(1.0, in.readDouble(), "learning-rate scale");
            assertEquals(2, in.readInt(), "arrays per parameter");
            assertEquals(1, in.readInt(), "parameters");
            assertEquals("w", in.readUTF());
            assertArrayEquals(new float[] {0.5f, 1f}, readArray(manager, in), 1e-6f); // m = (1-β1) g
            assertArrayEquals(new float[] {0.001f, 0.004f}, readArray(manager, in), 1e-7f); // v = (1-β2) g²
            assertEquals(-1, in.read(), "nothing after the last array");
            try (ParameterOptimizer restored = new AdamSpec().create()) {
                restored.load(manager, new DataInputStream(new ByteArrayInputStream(state)));
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                restored.save(new DataOutputStream(again));
                assertArrayEquals(state, again.toByteArray());
            }
        }
    }

    @Test
    void sgdMomentumStepAndStateLayout() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); ParameterOptimizer sgd = new SgdSpec().create()) {
            // v = μ·0 - lr·g, w += v with lr 0.01
            byte[] state = stepAndSave(sgd, manager, new float[] {0.99f, 1.98f});
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            assertEquals(1L, in.readLong());
            assertEquals(1.0, in.readDouble());
            assertEquals(1, in.readInt());
            assertEquals(1, in.readInt());
            assertEquals("w", in.readUTF());
            assertArrayEquals(new float[] {-0.01f, -0.02f}, readArray(manager, in), 1e-7f);
            assertEquals(-1, in.read());
        }
    }

    @Test
    void rmspropStepAndStateLayout() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); ParameterOptimizer rmsprop = new RmsPropSpec().create()) {
            // v = (1-ρ) g² = [0.01, 0.04], w -= lr · g / (√v + ε) = 0.01 · [1/0.1, 2/0.2] = [0.1, 0.1]
            byte[] state = stepAndSave(rmsprop, manager, new float[] {0.9f, 1.9f});
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            assertEquals(1L, in.readLong(), "updates");
            assertEquals(1.0, in.readDouble(), "learning-rate scale");
            assertEquals(1, in.readInt(), "arrays per parameter");
            assertEquals(1, in.readInt(), "parameters");
            assertEquals("w", in.readUTF());
            assertArrayEquals(new float[] {0.01f, 0.04f}, readArray(manager, in), 1e-7f); // 1 - ρ in float32
            assertEquals(-1, in.read(), "nothing after the last array");
        }
    }

    /** Three updates against the formula in doubles; the third from restored state equals the uninterrupted one. */
    @Test
    void rmspropFollowsTheFormulaAndResumesExactly() throws Exception {
        RmsPropSpec spec = new RmsPropSpec();
        spec.setLr(0.05);
        spec.setAlpha(0.9);
        spec.setEpsilon(1e-3);
        spec.setWeightDecay(0.1);
        double[] w = {1, -2, 0.5};
        double[] v = new double[3];
        try (NDManager manager = NDManager.newBaseManager(); ParameterOptimizer rmsprop = spec.create()) {
            float[] current = toFloats(w);
            for (int step = 0; step < 2; step++) {
                current = cubeLossStep(manager, current, rmsprop);
                expectedRmsprop(w, v, spec);
                assertArrayEquals(toFloats(w), current, 1e-6f, "update " + (step + 1));
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            rmsprop.save(new DataOutputStream(saved));
            float[] atSave = current;

            float[] uninterrupted = cubeLossStep(manager, atSave, rmsprop);
            expectedRmsprop(w, v, spec);
            assertArrayEquals(toFloats(w), uninterrupted, 1e-6f, "update 3");

            try (ParameterOptimizer restored = spec.create()) {
                restored.load(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
                assertEquals(2, restored.updates());
                assertArrayEquals(uninterrupted, cubeLossStep(manager, atSave, restored), 0f,
                        "resumed update equals the uninterrupted one");
            }
        }
    }

    private static Parameter cubeLossParameter(NDManager manager, double[] values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(manager.create(toFloats(values)));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /**
     * Loss Σ w³/3, so g = w², then one update of a fresh parameter named w holding {@code values} (fresh, so
     * no engine's gradient accumulation carries over); returns the updated values.
     */
    private static float[] cubeLossStep(NDManager manager, float[] values, ParameterOptimizer optimizer) {
        Parameter p = cubeLossParameter(manager, toDoubles(values));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(p.getArray().pow(3).sum().div(3));
        }
        PairList<String, Parameter> parameters = new PairList<>();
        parameters.add("w", p);
        optimizer.update(parameters);
        return p.getArray().toFloatArray();
    }

    /** g = w² + wd·w, v = ρv + (1−ρ)g², w −= lr·g/(√v + ε), in doubles. */
    private static void expectedRmsprop(double[] w, double[] v, RmsPropSpec spec) {
        for (int i = 0; i < w.length; i++) {
            double g = w[i] * w[i] + spec.getWeightDecay() * w[i];
            v[i] = spec.getAlpha() * v[i] + (1 - spec.getAlpha()) * g * g;
            w[i] -= spec.getLr() * g / (Math.sqrt(v[i]) + spec.getEpsilon());
        }
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static float[] readArray(NDManager manager, DataInputStream in) throws Exception {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return NDArray.decode(manager, bytes).toFloatArray();
    }

    @Test
    void aScheduleFactorScalesTheStepAndIsNotSavedState() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); ParameterOptimizer adam = new AdamSpec().create();
                ParameterOptimizer plain = new AdamSpec().create()) {
            adam.setScheduleFactor(0.25);
            assertEquals(0.25 * 2e-4, adam.learningRate(), 1e-15);
            // Adam's first step moves each weight by lr·sign(g): a quarter of the rate moves it a quarter as far.
            byte[] scheduled = stepAndSave(adam, manager, new float[] {1 - 0.5e-4f, 2 - 0.5e-4f});
            byte[] unscheduled = stepAndSave(plain, manager, new float[] {1 - 2e-4f, 2 - 2e-4f});
            DataInputStream a = new DataInputStream(new ByteArrayInputStream(scheduled));
            DataInputStream b = new DataInputStream(new ByteArrayInputStream(unscheduled));
            assertEquals(b.readLong(), a.readLong());
            assertEquals(1.0, a.readDouble(), "the saved scale is the rollback scale only");
            adam.setScheduleFactor(0);
            assertEquals(0, adam.learningRate());
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> adam.setScheduleFactor(-1));
        }
    }
}
