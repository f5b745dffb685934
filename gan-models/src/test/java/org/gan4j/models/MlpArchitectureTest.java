package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

class MlpArchitectureTest {

    @Test
    void generatorAndDiscriminatorHaveTheDeclaredShapes() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(16, 8));
        mlp.setGeneratorBatchNorm(true);
        ModelSpec spec = ModelSpec.of(new Shape(1, 4, 4), 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = mlp.generator(spec);
            Block d = mlp.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            d.initialize(m, DataType.FLOAT32, new Shape(5, 1, 4, 4));
            ParameterStore ps = new ParameterStore(m, false);
            NDList samples = g.forward(ps, new NDList(m.randomNormal(new Shape(5, 3))), false);
            assertEquals(new Shape(5, 1, 4, 4), samples.head().getShape());
            NDList logits = d.forward(ps, samples, false);
            assertEquals(new Shape(5, 1), logits.head().getShape());
            // 3*16+16 + 16*8+8 + 8*16+16 (and BN gamma/beta/mean/var for 16 and 8 units)
            long weights = g.getParameters().values().stream()
                    .filter(p -> p.getName().equals("weight")).mapToLong(p -> p.getArray().size()).sum();
            assertEquals(3 * 16 + 16 * 8 + 8 * 16, weights);
        }
    }

    @Test
    void separateWidthsOverrideTheSharedOnes() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setGeneratorHidden(List.of(7));
        mlp.setDiscriminatorHidden(List.of(5, 5, 5));
        ModelSpec spec = ModelSpec.of(new Shape(2), 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Block d = mlp.discriminator(spec);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            assertEquals(4, d.getParameters().values().stream().filter(p -> p.getName().equals("weight")).count());
        }
    }

    @Test
    void rejectsNonPositiveWidthsAndUnknownActivations() {
        MlpArchitecture mlp = new MlpArchitecture();
        assertThrows(IllegalArgumentException.class, () -> mlp.setHidden(List.of(4, 0)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ActivationKind.fromYaml("swish"));
        assertEquals(true, e.getMessage().contains("leaky_relu"));
    }

    /** init_std draws every weight of G and D from N(0, σ²); unset, DJL's He normal gives the 2-input layer σ ≈ 1. */
    @Test
    void initStdDrawsEveryWeightFromTheNarrowNormal() {
        ModelSpec spec = ModelSpec.of(new Shape(2), 2);
        MlpArchitecture pacgan = new MlpArchitecture();
        pacgan.setGeneratorHidden(List.of(400, 400));
        pacgan.setDiscriminatorHidden(List.of(200));
        pacgan.setDiscriminatorActivation(ActivationKind.MAXOUT);
        pacgan.setGeneratorBatchNorm(true);
        pacgan.setInitStd(0.02);
        MlpArchitecture plain = new MlpArchitecture();
        plain.setGeneratorHidden(List.of(400, 400));
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = pacgan.generator(spec);
            Block d = pacgan.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            d.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            int weights = 0;
            for (Block network : List.of(g, d)) {
                for (ai.djl.nn.Parameter p : network.getParameters().values()) {
                    if (p.getType() == ai.djl.nn.Parameter.Type.WEIGHT) {
                        float std = p.getArray().pow(2).mean().sqrt().getFloat();
                        assertEquals(0.02, std, 0.004, p.getName() + " " + p.getArray().getShape());
                        weights++;
                    } else if (p.getType() == ai.djl.nn.Parameter.Type.BIAS) {
                        assertEquals(0f, p.getArray().abs().max().getFloat(), p.getName());
                    }
                }
            }
            assertEquals(3 + 2, weights);
            Block defaults = plain.generator(spec);
            defaults.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            float first = defaults.getParameters().values().get(0).getArray().pow(2).mean().sqrt().getFloat();
            assertEquals(1.0, first, 0.15, "DJL's He normal: σ = sqrt(2 / fan_in) = 1 for a 2-D input");
        }
        assertThrows(IllegalArgumentException.class, () -> pacgan.setInitStd(0.0));
    }
}
