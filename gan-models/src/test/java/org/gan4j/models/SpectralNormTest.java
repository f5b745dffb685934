package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.model.PhaseAware;
import org.gan4j.api.model.TrainingPhase;
import org.junit.jupiter.api.Test;

/** Spectral normalisation: σ against an SVD, when the power iteration advances, its state, and the networks. */
class SpectralNormTest {

    /** The largest singular value of {@code w} viewed as (rows, rest). */
    private static double svdSigma(float[] w, int rows) {
        int cols = w.length / rows;
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = w[r * cols + c];
            }
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getSingularValues()[0];
    }

    private static void trainingForwards(Block layer, ParameterStore ps, NDArray x, TrainingPhase phase, int times) {
        ((PhaseAware) layer).enterPhase(phase);
        for (int i = 0; i < times; i++) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = layer.forward(ps, new NDList(x), true).head();
                gc.backward(y.sum());
            }
        }
    }

    private static byte[] state(StatefulPart part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            part.saveState(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void powerIterationConvergesToTheLargestSingularValueOfDenseConvAndTransposedKernels() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SpectralNormLayer dense = SpectralNormLayer.dense(
                    new SpectralNorm("spectral_norm.discriminator.0", TrainingPhase.DISCRIMINATOR_STEP), 5, true);
            dense.initialize(m, DataType.FLOAT32, new Shape(2, 7));
            trainingForwards(dense, ps, m.randomNormal(new Shape(2, 7)), TrainingPhase.DISCRIMINATOR_STEP, 60);
            float[] w = dense.getParameters().get("weight").getArray().toFloatArray();
            assertEquals(svdSigma(w, 5), dense.sigma(), 1e-3 * svdSigma(w, 5));

            SpectralNormLayer conv = SpectralNormLayer.conv(
                    new SpectralNorm("spectral_norm.discriminator.1", null), 4, 3, 1, 1, false);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 3, 6, 6));
            trainingForwards(conv, ps, m.randomNormal(new Shape(1, 3, 6, 6)), TrainingPhase.GENERATOR_STEP, 60);
            float[] k = conv.getParameters().get("weight").getArray().toFloatArray();
            assertEquals(svdSigma(k, 4), conv.sigma(), 1e-3 * svdSigma(k, 4));

            // (in, out, k, k) kernel: σ of the (in, out·k·k) matrix.
            SpectralNormTransposedConv2d up = new SpectralNormTransposedConv2d(
                    new SpectralNorm("spectral_norm.generator.0", null), 3, 4, 2, 1);
            up.initialize(m, DataType.FLOAT32, new Shape(1, 5, 4, 4));
            trainingForwards(up, ps, m.randomNormal(new Shape(1, 5, 4, 4)), TrainingPhase.GENERATOR_STEP, 60);
            NDArray kernel = up.getParameters().get("weight").getArray();
            float[] inFirst = kernel.toFloatArray();
            assertEquals(svdSigma(inFirst, 5), up.sigma(), 1e-3 * svdSigma(inFirst, 5));
        }
    }

    @Test
    void theNormalisedWeightHasSpectralNormOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SpectralNormLayer dense = SpectralNormLayer.dense(new SpectralNorm("s", null), 4, false);
            dense.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            trainingForwards(dense, ps, m.randomNormal(new Shape(1, 6)), TrainingPhase.GENERATOR_STEP, 60);
            // y = x (W/σ)ᵀ with x = I gives (W/σ)ᵀ.
            float[] normalised = dense.forward(ps, new NDList(m.eye(6)), false).head().transpose().toFloatArray();
            assertEquals(1.0, svdSigma(normalised, 4), 1e-3);
        }
    }

    @Test
    void discriminatorLayersAdvanceOnlyInTheDiscriminatorStepsTrainingForwards() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SpectralNormLayer dense = SpectralNormLayer.dense(
                    new SpectralNorm("spectral_norm.discriminator.0", TrainingPhase.DISCRIMINATOR_STEP), 3, true);
            dense.initialize(m, DataType.FLOAT32, new Shape(2, 4));
            NDArray x = m.randomNormal(new Shape(2, 4));
            trainingForwards(dense, ps, x, TrainingPhase.DISCRIMINATOR_STEP, 1);
            byte[] afterDStep = state(dense);
            trainingForwards(dense, ps, x, TrainingPhase.GENERATOR_STEP, 3);
            dense.forward(ps, new NDList(x), false);
            assertArrayEquals(afterDStep, state(dense), "the G-step's pass and evaluation keep u and v");
            trainingForwards(dense, ps, x, TrainingPhase.DISCRIMINATOR_STEP, 1);
            assertFalse(java.util.Arrays.equals(afterDStep, state(dense)), "a D-step forward advances them");
        }
    }

    @Test
    void stateRoundTripsAndRefusesAnotherLayersVectors() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SpectralNormLayer a = SpectralNormLayer.dense(new SpectralNorm("s", null), 3, false);
            SpectralNormLayer b = SpectralNormLayer.dense(new SpectralNorm("s", null), 3, false);
            a.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            b.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            b.getParameters().get("weight").getArray().set(a.getParameters().get("weight").getArray().toFloatArray());
            NDArray x = m.randomNormal(new Shape(2, 4));
            trainingForwards(a, ps, x, TrainingPhase.GENERATOR_STEP, 5);
            float[] expected = a.forward(ps, new NDList(x), false).head().toFloatArray();
            assertNotEquals(expected[0], b.forward(ps, new NDList(x), false).head().toFloatArray()[0]);
            b.loadState(new DataInputStream(new ByteArrayInputStream(state(a))));
            assertArrayEquals(expected, b.forward(ps, new NDList(x), false).head().toFloatArray(), 0f);

            SpectralNormLayer other = SpectralNormLayer.dense(new SpectralNorm("s", null), 5, false);
            other.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            IOException e = assertThrows(IOException.class,
                    () -> other.loadState(new DataInputStream(new ByteArrayInputStream(state(a)))));
            assertTrue(e.getMessage().contains("u has 3 values, this layer needs 5"), e.getMessage());
        }
    }

    private static List<Block> find(Block block, Class<?> type, List<Block> found) {
        if (type.isInstance(block)) {
            found.add(block);
        }
        for (Block child : block.getChildren().values()) {
            find(child, type, found);
        }
        return found;
    }

    @Test
    void everyArchitectureNormalisesEveryWeightLayerOfTheNetworksAsked() {
        ModelSpec image = ModelSpec.of(new Shape(1, 28, 28), 4);
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        dcgan.setSpectralNorm(SpectralNormTarget.BOTH);
        Block g = dcgan.generator(image);
        Block d = dcgan.discriminator(image);
        assertEquals(3, find(g, StatefulPart.class, new ArrayList<>()).size(), "dense + 2 transposed convs");
        assertEquals(3, find(d, StatefulPart.class, new ArrayList<>()).size(), "2 convs + dense");
        assertEquals(0, find(d, BatchNorm.class, new ArrayList<>()).size(), "SNGAN: no batch norm in D");
        assertEquals(2, find(g, BatchNorm.class, new ArrayList<>()).size(), "G keeps its batch norm");
        dcgan.setDNorm(NormKind.BATCH);
        assertEquals(1, find(dcgan.discriminator(image), BatchNorm.class, new ArrayList<>()).size(), "unless d_norm");
        dcgan.setSpectralNorm(SpectralNormTarget.D);
        assertEquals(0, find(dcgan.generator(image), StatefulPart.class, new ArrayList<>()).size());

        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setSpectralNorm(SpectralNormTarget.G);
        assertEquals(3, find(mlp.generator(ModelSpec.of(new Shape(2), 3)), StatefulPart.class, new ArrayList<>()).size());
        assertEquals(0, find(mlp.discriminator(ModelSpec.of(new Shape(2), 3)), StatefulPart.class,
                new ArrayList<>()).size());

        Pix2PixArchitecture p = new Pix2PixArchitecture();
        p.setDepth(2);
        p.setFilters(4);
        p.setDFilters(4);
        p.setDLayers(2);
        p.setSpectralNorm(SpectralNormTarget.BOTH);
        ModelSpec pair = new ModelSpec(new Shape(1, 16, 16), 3, 0, new Shape(1, 16, 16));
        List<Block> gLayers = find(p.generator(pair), StatefulPart.class, new ArrayList<>());
        assertEquals(4, gLayers.size(), "2 convs down, 1 up, 1 out");
        assertEquals(4, find(p.discriminator(pair), StatefulPart.class, new ArrayList<>()).size());
        List<String> sections = gLayers.stream().map(b -> ((StatefulPart) b).stateSection()).toList();
        assertEquals(List.of("spectral_norm.generator.0", "spectral_norm.generator.1", "spectral_norm.generator.2",
                "spectral_norm.generator.3"), sections);
        p.setResidual(true);
        assertThrows(IllegalArgumentException.class, () -> p.generator(pair));
    }

    @Test
    void aNormalisedDcganTrainsAndItsParameterCountIsUnchanged() {
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(16);
        dcgan.setSpectralNorm(SpectralNormTarget.BOTH);
        ModelSpec spec = ModelSpec.of(new Shape(3, 32, 32), 8);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = dcgan.generator(spec);
            Block d = dcgan.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            d.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            long count = 0;
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            assertEquals(dcgan.estimateParameters(spec).getAsDouble(), count, 0.0);
            ParameterStore ps = new ParameterStore(m, false);
            for (Block b : find(d, PhaseAware.class, new ArrayList<>())) {
                ((PhaseAware) b).enterPhase(TrainingPhase.DISCRIMINATOR_STEP);
            }
            long before = -1;
            for (int step = 0; step < 4; step++) {
                if (step == 1) { // after the first forward has created every v
                    before = m.getManagedArrays().size();
                }
                try (NDManager scope = m.newSubManager()) {
                    NDArray z = scope.randomNormal(new Shape(4, 8));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = d.forward(ps, new NDList(g.forward(ps, new NDList(z), true).head()), true).head();
                        assertEquals(new Shape(4, 1), logits.getShape());
                        gc.backward(logits.mean());
                    }
                }
            }
            assertEquals(before, m.getManagedArrays().size(), "u and v are replaced, not accumulated");
            try (NDArray grad = d.getParameters().valueAt(0).getArray().getGradient()) {
                assertTrue(grad.abs().sum().getFloat() > 0);
            }
        }
    }
}
