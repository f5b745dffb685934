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
