package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** SAGAN's self-attention: γ = 0 makes it the identity, γ ≠ 0 mixes positions, and dcgan places it by resolution. */
class SelfAttentionTest {

    /** The parameters of {@code net} outside any SelfAttention block, in order. */
    private static List<Parameter> outsideAttention(Block net) {
        Map<Parameter, Boolean> inAttention = new IdentityHashMap<>();
        collectAttention(net, inAttention);
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : net.getParameters().values()) {
            if (!inAttention.containsKey(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static void collectAttention(Block block, Map<Parameter, Boolean> found) {
        if (block instanceof SelfAttention) {
            block.getParameters().values().forEach(p -> found.put(p, true));
            return;
        }
        block.getChildren().values().forEach(child -> collectAttention(child, found));
    }

    @Test
    void aFreshNetworkWithAttentionComputesExactlyWhatItDidWithout() {
        ModelSpec spec = ModelSpec.of(new Shape(1, 32, 32), 6);
        DcganArchitecture plain = new DcganArchitecture();
        plain.setBaseWidth(8);
        DcganArchitecture attended = new DcganArchitecture();
        attended.setBaseWidth(8);
        attended.setAttentionAt(8);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(3, 6));
            NDArray x = m.randomUniform(-1, 1, new Shape(3, 1, 32, 32));
            for (boolean generator : new boolean[] {true, false}) {
                Block a = generator ? plain.generator(spec) : plain.discriminator(spec);
                Block b = generator ? attended.generator(spec) : attended.discriminator(spec);
                Shape in = generator ? new Shape(1, 6) : new Shape(1, 1, 32, 32);
                a.initialize(m, DataType.FLOAT32, in);
                b.initialize(m, DataType.FLOAT32, in);
                assertEquals(1, b.getChildren().values().stream().filter(c -> c instanceof SelfAttention).count());
                List<Parameter> shared = outsideAttention(b);
                List<Parameter> original = new ArrayList<>(a.getParameters().values());
                assertEquals(original.size(), shared.size());
                for (int i = 0; i < shared.size(); i++) {
                    shared.get(i).getArray().set(original.get(i).getArray().toFloatArray());
                }
                NDArray input = generator ? z : x;
                assertArrayEquals(a.forward(ps, new NDList(input), false).head().toFloatArray(),
                        b.forward(ps, new NDList(input), false).head().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void withGammaSetItMixesPositionsAndGammaLearns() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SelfAttention attention = new SelfAttention(16, Layers.generator(SpectralNormTarget.NONE));
            attention.initialize(m, DataType.FLOAT32, new Shape(2, 16, 4, 4));
            NDArray x = m.randomNormal(new Shape(2, 16, 4, 4));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(attention.forward(ps, new NDList(x), true).head().square().sum());
            }
            Parameter gamma = attention.getParameters().get("gamma");
            try (NDArray grad = gamma.getArray().getGradient()) {
                assertTrue(Math.abs(grad.getFloat()) > 0, "γ gets a gradient at 0");
            }
            gamma.getArray().set(new float[] {1f});
            NDArray y = attention.forward(ps, new NDList(x), false).head();
            assertEquals(x.getShape(), y.getShape());
            // Changing one position of the input changes the output at every position.
            NDArray poked = x.duplicate();
            poked.set(new ai.djl.ndarray.index.NDIndex("0, :, 0, 0"), 5f);
            NDArray diff = attention.forward(ps, new NDList(poked), false).head().sub(y).abs().sum(new int[] {1});
            assertTrue(diff.get("0, 3, 3").getFloat() > 0, "far position sees the change");
            assertEquals(0f, diff.get("1").sum().getFloat(), 0f, "the other sample does not");
        }
    }

    @Test
    void attentionAtMustBeAHiddenResolutionOfThatSize() {
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setAttentionAt(16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dcgan.generator(ModelSpec.of(new Shape(1, 28, 28), 4)));
        assertEquals("attention_at 16 is not a resolution of dcgan's hidden feature maps for 28×28 images; "
                + "use one of [7, 14] (or leave it unset)", e.getMessage());
        dcgan.setBaseWidth(4);
        dcgan.setAttentionAt(16);
        ModelSpec spec = ModelSpec.of(new Shape(3, 64, 64), 4);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = dcgan.generator(spec);
            Block d = dcgan.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            d.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            long count = 0;
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            assertEquals(dcgan.estimateParameters(spec).getAsDouble(), count, 0.0);
        }
    }
}
