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
import ai.djl.util.Pair;
import java.util.List;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

class MaxoutTest {

    @Test
    void takesTheMaxOverGroupsOfConsecutiveUnits() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block maxout = ActivationKind.maxout(3);
            NDArray x = m.create(new float[] {1, 5, 2, 0, -1, -3, 7, 7, 8, -2, -9, -4}, new Shape(2, 6));
            NDArray y = maxout.forward(new ParameterStore(m, false), new NDList(x), false).head();
            assertEquals(new Shape(2, 2), y.getShape());
            assertArrayEquals(new float[] {5, 0, 8, -2}, y.toFloatArray());
            assertEquals(ActivationKind.MAXOUT, ActivationKind.fromYaml("maxout"));
            assertThrows(IllegalStateException.class, ActivationKind.MAXOUT::block);
        }
    }

    @Test
    void pacganDiscriminatorHasWidthTimesPiecesUnitsAndTrains() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setGeneratorHidden(List.of(6, 6));
        mlp.setGeneratorBatchNorm(true);
        mlp.setDiscriminatorHidden(List.of(4, 4, 4));
        mlp.setDiscriminatorActivation(ActivationKind.MAXOUT);
        mlp.setMaxoutPieces(5);
        ModelSpec spec = ModelSpec.of(new Shape(2), 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = mlp.generator(spec);
            Block d = mlp.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(8, 2));
            d.initialize(m, DataType.FLOAT32, new Shape(8, 2));
            // D: 2->4x5, 4->4x5, 4->4x5, 4->1; G keeps plain ReLU widths: 2->6, 6->6, 6->2
            long dWeights = d.getParameters().values().stream().filter(p -> p.getName().equals("weight"))
                    .mapToLong(p -> p.getArray().size()).sum();
            assertEquals(2 * 20 + 4 * 20 + 4 * 20 + 4, dWeights);
            long gWeights = g.getParameters().values().stream().filter(p -> p.getName().equals("weight"))
                    .mapToLong(p -> p.getArray().size()).sum();
            assertEquals(2 * 6 + 6 * 6 + 6 * 2, gWeights);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray logits = d.forward(ps, new NDList(m.randomNormal(new Shape(8, 2))), true).head();
                assertEquals(new Shape(8, 1), logits.getShape());
                c.backward(logits.sum());
            }
            double gradNorm = 0;
            for (Pair<String, Parameter> p : d.getParameters()) {
                gradNorm += p.getValue().getArray().getGradient().square().sum().getFloat();
            }
            assertTrue(gradNorm > 0, "maxout passes gradients back");
        }
    }

    @Test
    void rejectsNonPositivePieces() {
        assertThrows(IllegalArgumentException.class, () -> new MlpArchitecture().setMaxoutPieces(0));
    }
}
