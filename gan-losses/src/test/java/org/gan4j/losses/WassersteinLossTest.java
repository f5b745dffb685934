package org.gan4j.losses;

import static org.gan4j.losses.LossHarness.mean;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WGAN: critic E[l_f] - E[l_r], G -E[l_f]; weights clipped to [-c, c] after each D update. */
class WassersteinLossTest {
    private static final float[] REAL = {1.5f, -0.3f, 0.8f, 30f};
    private static final float[] FAKE = {-1f, 0.2f, 2.5f, -40f, 0f};
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void valuesAndGradientsMatchTheFormula() {
        WassersteinLoss loss = new WassersteinLoss();
        double d = mean(FAKE, l -> l) - mean(REAL, l -> l);
        assertEquals(d, LossHarness.dLoss(manager, loss, REAL, FAKE), 1e-5);
        assertEquals(-mean(FAKE, l -> l), LossHarness.gLoss(manager, loss, FAKE), 1e-5);

        float[][] dGrad = LossHarness.dGradient(manager, loss, REAL, FAKE);
        float[] gGrad = LossHarness.gGradient(manager, loss, FAKE);
        for (float g : dGrad[0]) {
            assertEquals(-1.0 / REAL.length, g, 1e-7, "dL_D/dl_real = -1/n_real");
        }
        for (float g : dGrad[1]) {
            assertEquals(1.0 / FAKE.length, g, 1e-7, "dL_D/dl_fake = 1/n_fake");
        }
        for (float g : gGrad) {
            assertEquals(-1.0 / FAKE.length, g, 1e-7, "dL_G/dl_fake = -1/n");
        }
    }

    /** A D like the ones gan-models builds, with weights far outside [-c, c] and BatchNorm statistics. */
    private static SequentialBlock critic(NDManager m) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(16).build())
                .add(BatchNorm.builder().build())
                .add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build());
        block.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
        block.initialize(m, DataType.FLOAT32, new Shape(4, 3));
        return block;
    }

    @Test
    void clippingBoundsEveryTrainableWeightAndLeavesTheRestAlone() {
        double c = 0.05;
        WassersteinLoss loss = new WassersteinLoss();
        loss.setClip(c);
        try (NDManager m = manager.newSubManager()) {
            SequentialBlock block = critic(m);
            Map<String, float[]> before = new HashMap<>();
            Map<String, NDArray> arrays = new HashMap<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                before.put(p.getKey(), p.getValue().getArray().toFloatArray());
                arrays.put(p.getKey(), p.getValue().getArray());
            }
            int managedBefore = m.getManagedArrays().size();
            int managedByBase = manager.getManagedArrays().size();

            loss.afterDiscriminatorUpdate(block);

            assertEquals(managedBefore, m.getManagedArrays().size(), "clipping leaks no arrays into D's manager");
            assertEquals(managedByBase, manager.getManagedArrays().size(), "nor into the base manager");
            int clippedCount = 0;
            boolean sawFrozen = false;
            for (Pair<String, Parameter> p : block.getParameters()) {
                Parameter parameter = p.getValue();
                assertSame(arrays.get(p.getKey()), parameter.getArray(), "clipped in place: " + p.getKey());
                float[] old = before.get(p.getKey());
                float[] now = parameter.getArray().toFloatArray();
                for (int i = 0; i < now.length; i++) {
                    if (!parameter.requiresGradient()) {
                        assertEquals(old[i], now[i], 0f, "not trainable, not clipped: " + p.getKey());
                        continue;
                    }
                    float cf = (float) c; // the bound in the weights' float32
                    assertTrue(now[i] >= -cf && now[i] <= cf, p.getKey() + "[" + i + "] = " + now[i]);
                    float expected = Math.max(-cf, Math.min(cf, old[i]));
                    assertEquals(expected, now[i], 0f, p.getKey() + "[" + i + "]: clip(" + old[i] + ")");
                    if (Math.abs(old[i]) > c) {
                        clippedCount++;
                    }
                }
                sawFrozen |= !parameter.requiresGradient();
            }
            assertTrue(clippedCount > 20, "N(0, 1) weights are mostly outside ±0.05; clipped " + clippedCount);
            assertTrue(sawFrozen, "BatchNorm's running statistics are parameters that need no gradient");
            float[] runningVar = block.getParameters().stream()
                    .filter(p -> p.getKey().endsWith("runningVar")).findFirst().orElseThrow()
                    .getValue().getArray().toFloatArray();
            assertEquals(1f, runningVar[0], 0f, "running variance (1 > c) is left alone");
        }
    }

    @Test
    void clipNoneLeavesEveryWeightAsItWas() {
        WassersteinLoss loss = new WassersteinLoss();
        loss.setClip("none");
        try (NDManager m = manager.newSubManager()) {
            SequentialBlock block = critic(m);
            Map<String, float[]> before = new HashMap<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                before.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
            loss.afterDiscriminatorUpdate(block);
            for (Pair<String, Parameter> p : block.getParameters()) {
                assertArrayEquals(before.get(p.getKey()), p.getValue().getArray().toFloatArray(), 0f, p.getKey());
            }
        }
    }

    @Test
    void repeatedClippingLeaksNothingAndGradientsStillFlow() {
        WassersteinLoss loss = new WassersteinLoss();
        assertEquals(0.01, loss.getClip());
        try (NDManager m = manager.newSubManager()) {
            SequentialBlock block = critic(m);
            loss.afterDiscriminatorUpdate(block);
            int managed = m.getManagedArrays().size();
            for (int i = 0; i < 200; i++) {
                loss.afterDiscriminatorUpdate(block);
            }
            assertEquals(managed, m.getManagedArrays().size(), "200 clippings, no new arrays");

            // The clipped weights are still the trainable arrays: a backward writes their gradients.
            try (NDManager step = m.newSubManager()) {
                NDArray x = step.randomNormal(new Shape(4, 3));
                ParameterStore store = new ParameterStore(step, false);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = block.forward(store, new NDList(x), true).singletonOrThrow();
                    gc.backward(out.mean());
                }
                for (Pair<String, Parameter> p : block.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        try (NDArray gradient = p.getValue().getArray().getGradient()) {
                            assertNotNull(gradient);
                            assertEquals(p.getValue().getArray().getShape(), gradient.getShape());
                            assertFalse(Float.isNaN(gradient.sum().getFloat()), p.getKey());
                        }
                    }
                }
            }
        }
    }
}
