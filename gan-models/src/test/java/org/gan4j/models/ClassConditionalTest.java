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
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Class-conditional mlp and dcgan (Mirza & Osindero 2014): one-hot labels next to z and x. */
class ClassConditionalTest {
    private static final int LATENT = 6;
    private static final int CLASSES = 4;

    static Stream<Arguments> architectures() {
        Supplier<Architecture> mlp = () -> {
            MlpArchitecture a = new MlpArchitecture();
            a.setHidden(List.of(16, 16));
            a.setGeneratorBatchNorm(true);
            return a;
        };
        Supplier<Architecture> dcgan = () -> {
            DcganArchitecture a = new DcganArchitecture();
            a.setBaseWidth(16);
            return a;
        };
        return Stream.of(
                Arguments.of("mlp", mlp, new Shape(1, 28, 28)),
                Arguments.of("mlp", mlp, new Shape(2)),
                Arguments.of("dcgan", dcgan, new Shape(1, 28, 28)),
                Arguments.of("dcgan", dcgan, new Shape(3, 32, 32)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("architectures")
    void theLabelChangesGsOutputAndDsLogitAndGradientsFlow(String name, Supplier<Architecture> make, Shape sample) {
        Architecture arch = make.get();
        ModelSpec spec = new ModelSpec(sample, LATENT, CLASSES, null);
        int batch = 4;
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = arch.generator(spec);
            Block d = arch.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
            d.initialize(m, DataType.FLOAT32, new Shape(1).addAll(sample), new Shape(1));
            ParameterStore ps = new ParameterStore(m, false);

            NDArray z = m.randomNormal(new Shape(1, LATENT)).repeat(0, batch); // the same z four times
            NDArray labels = m.create(new float[] {0, 1, 2, 3});
            NDArray x = g.forward(ps, new NDList(z, labels), false).head();
            assertEquals(new Shape(batch).addAll(sample), x.getShape());
            float[][] rows = rows(x);
            for (int i = 1; i < batch; i++) {
                assertTrue(maxDiff(rows[0], rows[i]) > 1e-5, "label " + i + " gives another sample than label 0");
            }

            NDArray same = x.get("0:1").repeat(0, batch); // one sample judged under four labels
            NDArray logits = d.forward(ps, new NDList(same, labels), false).head();
            assertEquals(new Shape(batch, 1), logits.getShape());
            float[] l = logits.toFloatArray();
            for (int i = 1; i < batch; i++) {
                assertTrue(Math.abs(l[i] - l[0]) > 1e-6, "D's logit depends on the label: " + l[0] + " vs " + l[i]);
            }

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(m.randomNormal(new Shape(batch, LATENT)), labels), true).head();
                gc.backward(d.forward(ps, new NDList(fake, labels), true).head().mean());
            }
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    if (p.getType() == Parameter.Type.WEIGHT) {
                        try (NDArray grad = p.getArray().getGradient()) {
                            float norm = grad.square().sum().getFloat();
                            assertTrue(Float.isFinite(norm) && norm > 0, name + ": gradient of " + p.getName());
                        }
                    }
                }
            }
        }
    }

    @Test
    void theOneHotWidensTheFirstLayersOnly() {
        ModelSpec spec = new ModelSpec(new Shape(1, 28, 28), LATENT, CLASSES, null);
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(8));
        assertEquals(List.of(new Shape(8, LATENT + CLASSES), new Shape(784, 8)),
                weightShapes(mlp.generator(spec), new Shape(1, LATENT), new Shape(1)));
        assertEquals(List.of(new Shape(8, 784 + CLASSES), new Shape(1, 8)),
                weightShapes(mlp.discriminator(spec), new Shape(1, 1, 28, 28), new Shape(1)));
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        assertEquals(List.of(new Shape(8 * 7 * 7, LATENT + CLASSES), new Shape(8, 4, 4, 4), new Shape(4, 2, 4, 4)),
                weightShapes(dcgan.generator(spec), new Shape(1, LATENT), new Shape(1)));
        assertEquals(List.of(new Shape(4, 1 + CLASSES, 4, 4), new Shape(8, 4, 4, 4), new Shape(1, 8 * 7 * 7)),
                weightShapes(dcgan.discriminator(spec), new Shape(1, 1, 28, 28), new Shape(1)));
    }

    @Test
    void dcgansLabelMapsAreConstantOneHotChannels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray image = m.zeros(new Shape(2, 1, 3, 3));
            NDArray out = ClassConditioning.appendOneHotMaps(image, m.create(new float[] {2, 0}), 3);
            assertEquals(new Shape(2, 4, 3, 3), out.getShape());
            assertArrayEquals(new float[] {0, 0, 9, 9, 0, 0}, out.get(":, 1:").sum(new int[] {2, 3}).toFloatArray());
        }
    }

    @Test
    void unconditionalNetworksTakeOneArrayAsBefore() {
        ModelSpec spec = ModelSpec.of(new Shape(1, 28, 28), LATENT);
        for (Architecture arch : List.of(new MlpArchitecture(), new DcganArchitecture())) {
            try (NDManager m = NDManager.newBaseManager()) {
                Block g = arch.generator(spec);
                Block d = arch.discriminator(spec);
                g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT));
                d.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
                ParameterStore ps = new ParameterStore(m, false);
                NDArray x = g.forward(ps, new NDList(m.randomNormal(new Shape(2, LATENT))), false).head();
                assertEquals(new Shape(2, 1, 28, 28), x.getShape());
                assertEquals(new Shape(2, 1), d.forward(ps, new NDList(x), false).head().getShape());
            }
        }
    }

    @Test
    void anImageConditionPointsAtPix2pix() {
        ModelSpec spec = new ModelSpec(new Shape(3, 32, 32), LATENT, 0, new Shape(1, 32, 32));
        for (Architecture arch : List.of(new MlpArchitecture(), new DcganArchitecture())) {
            for (Supplier<Block> build : List.<Supplier<Block>>of(() -> arch.generator(spec),
                    () -> arch.discriminator(spec))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
                assertTrue(e.getMessage().contains("pix2pix"), e.getMessage());
            }
        }
    }

    @Test
    void aConditionalNetworkCalledWithoutLabelsSaysWhatItTakes() {
        ModelSpec spec = new ModelSpec(new Shape(2), LATENT, CLASSES, null);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = new MlpArchitecture().generator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.forward(
                    new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, LATENT))), false));
            assertTrue(e.getMessage().contains("NDList(z, labels)"), e.getMessage());
        }
    }

    private static float[][] rows(NDArray x) {
        int n = (int) x.getShape().get(0);
        float[] all = x.toFloatArray();
        int size = all.length / n;
        float[][] rows = new float[n][size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, i * size, rows[i], 0, size);
        }
        return rows;
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static List<Shape> weightShapes(Block block, Shape... inputs) {
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, inputs);
            return block.getParameters().values().stream()
                    .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                    .map(p -> p.getArray().getShape())
                    .toList();
        }
    }
}
