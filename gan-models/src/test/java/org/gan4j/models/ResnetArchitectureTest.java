package org.gan4j.models;

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
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResnetArchitectureTest {

    @ParameterizedTest(name = "{0}x{1}x{1}, {2} classes")
    @CsvSource({"1, 28, 0", "3, 28, 0", "1, 32, 10", "3, 32, 0", "1, 64, 0", "3, 64, 3"})
    void shapesAndOneTrainingPassForEverySizeChannelCountAndConditioning(int channels, int size, int classes) {
        ResnetArchitecture resnet = new ResnetArchitecture();
        resnet.setGeneratorWidth(8);
        resnet.setDiscriminatorWidth(8);
        ModelSpec spec = new ModelSpec(new Shape(channels, size, size), 6, classes, null);
        int batch = 2;
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = resnet.generator(spec);
            Block d = resnet.discriminator(spec);
            if (classes > 0) {
                g.initialize(m, DataType.FLOAT32, new Shape(1, 6), new Shape(1));
                d.initialize(m, DataType.FLOAT32, new Shape(1, channels, size, size), new Shape(1));
            } else {
                g.initialize(m, DataType.FLOAT32, new Shape(1, 6));
                d.initialize(m, DataType.FLOAT32, new Shape(1, channels, size, size));
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(batch, 6));
            NDArray labels = m.create(new float[] {0, classes > 1 ? 1 : 0});
            NDList gIn = classes > 0 ? new NDList(z, labels) : new NDList(z);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x = g.forward(ps, gIn, true).head();
                assertEquals(new Shape(batch, channels, size, size), x.getShape());
                NDArray logits = d.forward(ps, classes > 0 ? new NDList(x, labels) : new NDList(x), true).head();
                assertEquals(new Shape(batch, 1), logits.getShape());
                gc.backward(logits.mean());
            }
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    if (p.getType() == Parameter.Type.WEIGHT) {
                        try (NDArray grad = p.getArray().getGradient()) {
                            assertTrue(grad.abs().sum().getFloat() > 0, "gradient of " + p.getName());
                        }
                    }
                }
            }
        }
    }

    private static long count(Block block, Class<?> type) {
        long n = type.isInstance(block) ? 1 : 0;
        for (Block child : block.getChildren().values()) {
            n += count(child, type);
        }
        return n;
    }

    @Test
    void blocksSpectralNormAndAttentionWhereAsked() {
        ResnetArchitecture resnet = new ResnetArchitecture();
        ModelSpec spec = ModelSpec.of(new Shape(3, 32, 32), 6);
        // G: dense, 3 up-blocks of 3 convs, the output conv = 11 weight layers; D: 3 + 3 + 2 + 2 convs and a dense.
        resnet.setSpectralNorm(SpectralNormTarget.BOTH);
        assertEquals(11, count(resnet.generator(spec), StatefulPart.class));
        assertEquals(11, count(resnet.discriminator(spec), StatefulPart.class));
        assertEquals(0, count(resnet.discriminator(spec), BatchNorm.class));
        assertEquals(7, count(resnet.generator(spec), BatchNorm.class));
        resnet.setAttentionAt(16);
        assertEquals(1, count(resnet.generator(spec), SelfAttention.class));
        assertEquals(1, count(resnet.discriminator(spec), SelfAttention.class));
        assertEquals(11 + 4, count(resnet.discriminator(spec), StatefulPart.class), "attention's convs too");
        assertEquals(List.of(7, 14), ResnetArchitecture.attentionResolutions(28));
        assertEquals(List.of(8, 16, 32), ResnetArchitecture.attentionResolutions(64));
        resnet.setAttentionAt(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resnet.generator(spec));
        assertEquals("attention_at 4 is not a resolution of resnet's hidden feature maps for 32×32 images; "
                + "use one of [8, 16] (or leave it unset)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}x{1}x{1}, {2} classes, attention at {3}")
    @CsvSource({"1, 28, 0, 14", "3, 32, 10, 8", "3, 64, 0, 0"})
    void parameterEstimateIsExact(int channels, int size, int classes, int attention) {
        ResnetArchitecture resnet = new ResnetArchitecture();
        resnet.setGeneratorWidth(8);
        resnet.setDiscriminatorWidth(6);
        resnet.setAttentionAt(attention == 0 ? null : attention);
        ModelSpec spec = new ModelSpec(new Shape(channels, size, size), 5, classes, null);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = resnet.generator(spec);
            Block d = resnet.discriminator(spec);
            Shape x = new Shape(1, channels, size, size);
            if (classes > 0) {
                g.initialize(m, DataType.FLOAT32, new Shape(1, 5), new Shape(1));
                d.initialize(m, DataType.FLOAT32, x, new Shape(1));
            } else {
                g.initialize(m, DataType.FLOAT32, new Shape(1, 5));
                d.initialize(m, DataType.FLOAT32, x);
            }
            long count = 0;
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            assertEquals(count, resnet.estimateParameters(spec).getAsDouble(), 0.0);
        }
    }
}
