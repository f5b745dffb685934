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
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** d_norm: which normalisation D's hidden layers get, and what layer norm computes. */
class DiscriminatorNormTest {

    static long count(Block block, Class<?> type) {
        long n = type.isInstance(block) ? 1 : 0;
        for (Block child : block.getChildren().values()) {
            n += count(child, type);
        }
        return n;
    }

    private static Pix2PixArchitecture smallPix2Pix() {
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        p.setDepth(2);
        p.setFilters(4);
        p.setDFilters(4);
        p.setDLayers(2);
        return p;
    }

    @Test
    void unsetKeepsEachArchitecturesDefault() {
        assertEquals(0, count(new MlpArchitecture().discriminator(ModelSpec.of(new Shape(2), 3)), BatchNorm.class));
        // dcgan 28: two strided convs, BatchNorm on the second only.
        assertEquals(1, count(new DcganArchitecture().discriminator(ModelSpec.of(new Shape(1, 28, 28), 3)),
                BatchNorm.class));
        // PatchGAN with d_layers 2: convs 0..3, BatchNorm on 1 and 2.
        assertEquals(2, count(smallPix2Pix().discriminator(
                new ModelSpec(new Shape(1, 16, 16), 3, 0, new Shape(1, 16, 16))), BatchNorm.class));
    }

    @Test
    void eachWordPlacesItsNormWhereBatchNormWas() {
        MlpArchitecture mlp = new MlpArchitecture();
        DcganArchitecture dcgan = new DcganArchitecture();
        Pix2PixArchitecture p = smallPix2Pix();
        ModelSpec flat = ModelSpec.of(new Shape(2), 3);
        ModelSpec image = ModelSpec.of(new Shape(1, 28, 28), 3);
        ModelSpec pair = new ModelSpec(new Shape(1, 16, 16), 3, 0, new Shape(1, 16, 16));
        mlp.setDNorm(NormKind.LAYER);
        dcgan.setDNorm(NormKind.LAYER);
        p.setDNorm(NormKind.LAYER);
        assertEquals(2, count(mlp.discriminator(flat), SampleLayerNorm.class));
        assertEquals(1, count(dcgan.discriminator(image), SampleLayerNorm.class));
        assertEquals(2, count(p.discriminator(pair), SampleLayerNorm.class));
        assertEquals(0, count(dcgan.discriminator(image), BatchNorm.class));
        dcgan.setDNorm(NormKind.NONE);
        p.setDNorm(NormKind.NONE);
        mlp.setDNorm(NormKind.BATCH);
        assertEquals(0, count(dcgan.discriminator(image), BatchNorm.class) + count(dcgan.discriminator(image),
                SampleLayerNorm.class));
        assertEquals(0, count(p.discriminator(pair), BatchNorm.class));
        assertEquals(2, count(mlp.discriminator(flat), BatchNorm.class));
        // G keeps its BatchNorm whatever D's d_norm says.
        assertEquals(2, count(dcgan.generator(image), BatchNorm.class));
    }

    @Test
    void layerNormNormalisesEachSampleOnItsOwnAndTrainsLikeAnyLayer() {
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        dcgan.setDNorm(NormKind.LAYER);
        ModelSpec spec = ModelSpec.of(new Shape(1, 28, 28), 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Block d = dcgan.discriminator(spec);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(4, 1, 28, 28));
            float[] batch = d.forward(ps, new NDList(x), false).head().toFloatArray();
            float[] alone = d.forward(ps, new NDList(x.get("0:1")), false).head().toFloatArray();
            assertEquals(batch[0], alone[0], 1e-5f, "a sample's logit does not depend on its batch");
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = d.forward(ps, new NDList(x), true).head();
                assertArrayEquals(batch, logits.toFloatArray(), 1e-5f, "training and evaluation agree");
                gc.backward(logits.mean());
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            SampleLayerNorm norm = new SampleLayerNorm();
            norm.initialize(m, DataType.FLOAT32, new Shape(2, 3, 2, 2));
            NDArray x = m.arange(24f).reshape(2, 3, 2, 2);
            NDArray y = norm.forward(new ParameterStore(m, false), new NDList(x), false).head();
            NDArray perSample = y.reshape(2, 12);
            assertArrayEquals(new float[] {0, 0}, perSample.mean(new int[] {1}).toFloatArray(), 1e-5f);
            // 0..11 has variance 143/12; (0 − 5.5)/√(143/12 + 1e-5)
            assertEquals(-5.5 / Math.sqrt(143.0 / 12 + 1e-5), y.getFloat(0, 0, 0, 0), 1e-5);
        }
    }

    @Test
    void unknownWordNamesTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormKind.fromYaml("group"));
        assertTrue(e.getMessage().contains("'group'") && e.getMessage().contains("[batch, layer, none]"),
                e.getMessage());
    }
}
