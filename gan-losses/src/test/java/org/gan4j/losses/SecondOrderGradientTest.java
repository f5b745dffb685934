package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents why gan-losses has no WGAN-GP or R1 penalty: DJL 0.36 on MXNet 1.9.1 cannot differentiate a
 * gradient through the discriminators gan4j builds. The tests assert today's behaviour; if an engine
 * upgrade changes it, they fail and say so.
 *
 * <p>A penalty on ∇_x D(x) needs the input gradient as a recorded ("create_graph") array, then one
 * backward through it. DJL's {@link GradientCollector} has only {@code backward(array)}, which calls
 * MXAutogradBackward without create_graph; DJL's one create_graph entry point,
 * {@code JnaUtils.autogradBackwardExecute}, discards the gradient handles MXNet returns (and passes an
 * empty head-gradient array). So these tests call MXAutogradBackwardEx themselves through JNA. With
 * that, the first-order input gradient is right, and the second backward is right only for a purely
 * linear critic; otherwise it throws or is silently wrong, as each test shows.
 */
class SecondOrderGradientTest {
    private static final String NO_FGRADIENT = "is non-differentiable because it didn't register FGradient attribute";
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    /**
     * ∇_x head as a recorded array (create_graph = 1, retain_graph = 1), from MXAutogradBackwardEx with x
     * as the one variable; the head gradient is MXNet's implicit ones. Call inside a gradient collector.
     */
    static NDArray inputGradient(NDManager m, NDArray head, NDArray x) {
        NativeLibrary lib = mxnet();
        Memory heads = new Memory(Native.POINTER_SIZE);
        heads.setPointer(0, ((MxNDArray) head).getHandle());
        Memory variables = new Memory(Native.POINTER_SIZE);
        variables.setPointer(0, ((MxNDArray) x).getHandle());
        PointerByReference gradients = new PointerByReference();
        PointerByReference storageTypes = new PointerByReference();
        int rc = lib.getFunction("MXAutogradBackwardEx").invokeInt(new Object[] {
            1, heads, null, 1, variables, 1, 1, 1, gradients, storageTypes});
        if (rc != 0) {
            throw new EngineException(lib.getFunction("MXGetLastError").invokeString(new Object[0], false));
        }
        // A new handle MXNet made for us; the manager frees it.
        return ((MxNDManager) m).create(gradients.getValue().getPointer(0));
    }

    /** The libmxnet DJL loaded (through JnaUtils' private library proxy). */
    private static NativeLibrary mxnet() {
        try {
            Field field = JnaUtils.class.getDeclaredField("LIB");
            field.setAccessible(true);
            return ((Library.Handler) Proxy.getInvocationHandler(field.get(null))).getNativeLibrary();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NDArray forward(Block block, NDManager m, NDArray x) {
        return block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
    }

    private static NDArray weight(Block linear) {
        return linear.getParameters().get("weight").getArray();
    }

    /** ‖g_i‖ per row of a (n, d) gradient. */
    private static NDArray rowNorms(NDArray g) {
        return g.square().sum(new int[] {1}).sqrt();
    }

    @Test
    void djlExposesNoHigherOrderGradientApi() {
        Set<String> methods = new TreeSet<>();
        for (Method method : GradientCollector.class.getMethods()) {
            methods.add(method.getName() + Arrays.toString(method.getParameterTypes()));
        }
        assertEquals(Set.of("backward[interface ai.djl.ndarray.NDArray]", "close[]", "zeroGradients[]"), methods,
                "no create_graph / retain_graph, no grad(outputs, inputs)");
    }

    @Test
    void linearCriticGetsExactGradientPenaltyAndR1Gradients() {
        float[] w = {2f, -3f, 1f};
        double norm = Math.sqrt(4 + 9 + 1);
        try (NDManager m = manager.newSubManager()) {
            Linear critic = Linear.builder().setUnits(1).build();
            critic.initialize(m, DataType.FLOAT32, new Shape(4, 3));
            weight(critic).set(w);
            NDArray x = m.randomNormal(new Shape(4, 3));
            x.setRequiresGradient(true);

            // WGAN-GP: λ E[(‖∇_x D‖ - 1)²] with λ = 10; ∇_x D = w on every row.
            NDArray penalty;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray g = inputGradient(m, forward(critic, m, x), x);
                assertArrayEquals(new float[] {2f, -3f, 1f, 2f, -3f, 1f, 2f, -3f, 1f, 2f, -3f, 1f}, g.toFloatArray(), 1e-6f);
                penalty = rowNorms(g).sub(1).square().mean().mul(10);
                gc.backward(penalty);
            }
            assertEquals(10 * (norm - 1) * (norm - 1), penalty.getFloat(), 1e-4);
            float[] dw = weight(critic).getGradient().toFloatArray();
            for (int j = 0; j < 3; j++) {
                assertEquals(10 * 2 * (norm - 1) * w[j] / norm, dw[j], 1e-4, "dGP/dw_" + j);
            }

            // R1: γ/2 E[‖∇_x D‖²] with γ = 2 is ‖w‖², gradient 2w.
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray g = inputGradient(m, forward(critic, m, x), x);
                penalty = g.square().sum(new int[] {1}).mean();
                gc.backward(penalty);
            }
            assertEquals(norm * norm, penalty.getFloat(), 1e-4);
            assertArrayEquals(new float[] {4f, -6f, 2f}, weight(critic).getGradient().toFloatArray(), 1e-4f);
        }
    }

    /**
     * MXNet's second-order rule for FullyConnected (PR 14779) fills the gradient w.r.t. the backward's
     * incoming head gradient with zeros ("3rd order not supported"), so nothing above the first layer
     * gets a penalty gradient. Two linear layers, no activation: ∇_x D = v = W2·W1 on every row, and
     * P = E[‖∇_x D‖²] = ‖v‖² has dP/dW1 = 2 W2ᵀv (right) and dP/dW2 = 2 v W1ᵀ (MXNet says 0).
     */
    @Test
    void secondOrderGradientSkipsEveryLayerAboveTheFirst() {
        float[] w1 = {1f, 2f, 0f, -1f, 0.5f, 3f}; // (2, 3)
        float[] w2 = {0.5f, -2f}; // (1, 2)
        float[] v = new float[3];
        for (int j = 0; j < 3; j++) {
            v[j] = w2[0] * w1[j] + w2[1] * w1[3 + j];
        }
        try (NDManager m = manager.newSubManager()) {
            Linear first = Linear.builder().setUnits(2).build();
            Linear second = Linear.builder().setUnits(1).build();
            SequentialBlock critic = new SequentialBlock().add(first).add(second);
            critic.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            weight(first).set(w1);
            weight(second).set(w2);
            NDArray x = m.randomNormal(new Shape(5, 3));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray g = inputGradient(m, forward(critic, m, x), x);
                for (int i = 0; i < 5; i++) {
                    assertArrayEquals(v, g.get(i).toFloatArray(), 1e-5f, "first order is right");
                }
                gc.backward(g.square().sum(new int[] {1}).mean());
            }
            float[] dw1 = weight(first).getGradient().toFloatArray();
            for (int r = 0; r < 2; r++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(2 * w2[r] * v[j], dw1[3 * r + j], 1e-4, "dP/dW1 is right");
                }
            }
            float[] dw2 = weight(second).getGradient().toFloatArray();
            for (int r = 0; r < 2; r++) {
                double truth = 2 * (v[0] * w1[3 * r] + v[1] * w1[3 * r + 1] + v[2] * w1[3 * r + 2]);
                assertTrue(Math.abs(truth) > 1, "the true dP/dW2 is far from 0: " + truth);
                assertEquals(0f, dw2[r], 0f, "MXNet 1.9.1 gives exactly 0 instead of " + truth);
            }
        }
    }

    private static void assertNotTwiceDifferentiable(Block critic, Shape input, String backwardOp) {
        try (NDManager m = manager.newSubManager()) {
            critic.initialize(m, DataType.FLOAT32, input);
            NDArray x = m.randomNormal(input);
            x.setRequiresGradient(true);
            EngineException e = assertThrows(EngineException.class, () -> {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray g = inputGradient(m, forward(critic, m, x), x);
                    assertEquals(input, g.getShape(), "the first-order input gradient works");
                    gc.backward(g.square().sum(new int[] {1}).mean());
                }
            });
            assertTrue(e.getMessage().contains("Operator " + backwardOp + " " + NO_FGRADIENT), e.getMessage());
        }
    }

    /** The layers gan-models' discriminators are made of have backward operators with no gradient. */
    @Test
    void discriminatorLayersHaveNoSecondDerivative() {
        Function<Block, SequentialBlock> mlp = activation -> new SequentialBlock()
                .add(Linear.builder().setUnits(4).build()).add(activation).add(Linear.builder().setUnits(1).build());
        assertNotTwiceDifferentiable(mlp.apply(Activation.leakyReluBlock(0.2f)), new Shape(3, 2), "_backward_LeakyReLU");
        assertNotTwiceDifferentiable(mlp.apply(Activation.reluBlock()), new Shape(3, 2), "_backward_Activation");
        assertNotTwiceDifferentiable(mlp.apply(Activation.tanhBlock()), new Shape(3, 2), "_backward_Activation");
        assertNotTwiceDifferentiable(mlp.apply(Activation.sigmoidBlock()), new Shape(3, 2), "_backward_Activation");
        Block conv = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                .add(ai.djl.nn.Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build());
        assertNotTwiceDifferentiable(conv, new Shape(2, 1, 5, 5), "_backward_Convolution");
    }

    /** Reducing D's output before differentiating also fails: DJL's sum and mean have no second derivative. */
    @Test
    void reductionsHaveNoSecondDerivative() {
        try (NDManager m = manager.newSubManager()) {
            Linear critic = Linear.builder().setUnits(1).build();
            critic.initialize(m, DataType.FLOAT32, new Shape(4, 3));
            NDArray x = m.randomNormal(new Shape(4, 3));
            x.setRequiresGradient(true);
            EngineException e = assertThrows(EngineException.class, () -> {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray g = inputGradient(m, forward(critic, m, x).sum(), x);
                    gc.backward(g.square().sum());
                }
            });
            assertTrue(e.getMessage().contains("Operator _backward_np_sum " + NO_FGRADIENT), e.getMessage());
        }
    }
}
