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
}
