package org.gan4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pix2PixArchitectureTest {
    private static final int LATENT = 4;

    private static ModelSpec spec(int targetChannels, int conditionChannels, int size) {
        return new ModelSpec(new Shape(targetChannels, size, size), LATENT, 0,
                new Shape(conditionChannels, size, size));
    }

    /** Small widths that still give the output layer ≥ 16 input channels (where MKL-DNN's one-filter bug shows). */
    private static Pix2PixArchitecture small() {
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        p.setFilters(8);
        p.setMaxFilters(32);
        p.setDFilters(8);
        p.setDMaxFilters(32);
        return p;
    }

    private static void initialize(NDManager m, Block g, Block d, ModelSpec spec) {
        Shape condition = new Shape(1).addAll(spec.conditionShape());
        g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), condition);
        d.initialize(m, DataType.FLOAT32, new Shape(1).addAll(spec.sampleShape()), condition);
    }

    @ParameterizedTest(name = "target {0}, condition {1}, {2}px")
    @CsvSource({"1, 3, 32", "3, 3, 32", "1, 3, 64", "3, 3, 64", "3, 1, 32"})
    void shapesAndABackwardThroughGAndDReachGsFirstConv(int targetChannels, int conditionChannels, int size) {
        ModelSpec spec = spec(targetChannels, conditionChannels, size);
        Pix2PixArchitecture p = small();
        int batch = 3;
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = p.generator(spec);
            Block d = p.discriminator(spec);
            initialize(m, g, d, spec);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(batch, LATENT));
            NDArray condition = m.randomUniform(-1, 1, new Shape(batch, conditionChannels, size, size));

            NDArray x = g.forward(ps, new NDList(z, condition), false).head();
            assertEquals(new Shape(batch, targetChannels, size, size), x.getShape());
            for (float v : x.toFloatArray()) {
                assertTrue(v >= -1 && v <= 1, "tanh output in [-1, 1]");
            }
            long side = size / 8 - 2; // d_layers = 3: three halvings, then two convs taking one pixel each
            assertEquals(new Shape(batch, side * side), d.forward(ps, new NDList(x, condition), false).head().getShape());

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(z, condition), true).head();
                NDArray logits = d.forward(ps, new NDList(fake, condition), true).head();
                assertEquals(new Shape(batch, side * side), logits.getShape());
                gc.backward(logits.mean());
            }
            for (Block net : List.of(g, d)) {
                for (Parameter param : net.getParameters().values()) {
                    if (param.getType() == Parameter.Type.WEIGHT) {
                        assertTrue(gradientNorm(param) > 0, "gradient of " + param.getName());
                    }
                }
            }
            assertTrue(gradientNorm(firstWeight(g)) > 0, "G's first conv gets a gradient");
        }
    }

    @Test
    void outputAtTheDefaultWidthsAndParameterShapesShowTheConcatenatedSkips() {
        ModelSpec spec = spec(3, 3, 32);
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = p.generator(spec);
            Block d = p.discriminator(spec);
            initialize(m, g, d, spec);
            // down: 3→32→64→128 (no BN on the first); up2: 128→64, then concat with down1 (64+64),
            // up1: 128→32, concat with down0 (32+32), out: 64→3. Transposed conv weights are (in, out, k, k).
            assertEquals(List.of(new Shape(32, 3, 4, 4), new Shape(64, 32, 4, 4), new Shape(128, 64, 4, 4),
                    new Shape(128, 64, 4, 4), new Shape(128, 32, 4, 4), new Shape(64, 3, 4, 4)), weightShapes(g));
            // D: concat(x, condition) = 6 channels → 64 → 128 → 256 (stride 2) → 512 (stride 1) → 1
            assertEquals(List.of(new Shape(64, 6, 4, 4), new Shape(128, 64, 4, 4), new Shape(256, 128, 4, 4),
                    new Shape(512, 256, 4, 4), new Shape(1, 512, 4, 4)), weightShapes(d));
            assertEquals(365_632, trainable(g));
            assertEquals(2_768_705, trainable(d));
            assertEquals(2, count(d, Parameter.Type.BIAS)); // first and last conv only
            assertEquals(0, count(g, Parameter.Type.BIAS));
            assertEquals(4, count(g, Parameter.Type.GAMMA));
            assertEquals(3, count(d, Parameter.Type.GAMMA));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray condition = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            assertEquals(new Shape(2, 4), d.forward(ps, new NDList(condition, condition), false).head().getShape());
        }
    }

    @Test
    void skipConnectionsCarryTheInputPastAZeroBottleneck() {
        // With the innermost conv's weights at zero, nothing goes through the bottleneck: without the
        // skips every condition would give the same output.
        ModelSpec spec = spec(3, 3, 32);
        Pix2PixArchitecture p = small();
        p.setDropout(0);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = p.generator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1, 3, 32, 32));
            assertEquals("03down2", g.getChildren().get(2).getKey());
            Parameter innermost = g.getChildren().get(2).getValue().getParameters().get("01Conv2d_weight");
            innermost.getArray().set(new float[(int) innermost.getArray().size()]);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.zeros(new Shape(1, LATENT));
            NDArray a = m.randomUniform(-1, 1, new Shape(1, 3, 32, 32));
            NDArray b = a.duplicate();
            b.set(new ai.djl.ndarray.index.NDIndex(":, :, 0:4, 0:4"), 0.9f); // a change in the top-left corner
            float[] outA = g.forward(ps, new NDList(z, a), false).head().toFloatArray();
            float[] outB = g.forward(ps, new NDList(z, b), false).head().toFloatArray();
            double nearChange = 0;
            double farChange = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int i = (c * 32 + y) * 32 + x;
                        double diff = Math.abs(outA[i] - outB[i]);
                        if (y < 8 && x < 8) {
                            nearChange += diff;
                        } else if (y >= 16 || x >= 16) {
                            farChange += diff;
                        }
                    }
                }
            }
            assertTrue(nearChange > 1e-3, "the output changes where the input changed: " + nearChange);
            assertEquals(0.0, farChange, 0.0, "and only there (the skips are local, the bottleneck is cut)");
        }
    }

    @Test
    void dropoutIsActiveInTrainingForwardsOnly() {
        ModelSpec spec = spec(3, 3, 32);
        Engine.getInstance().setRandomSeed(11);
        for (double rate : new double[] {0.5, 0.0}) {
            Pix2PixArchitecture p = small();
            p.setDropout(rate);
            try (NDManager m = NDManager.newBaseManager()) {
                Block g = p.generator(spec);
                g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1, 3, 32, 32));
                ParameterStore ps = new ParameterStore(m, false);
                NDList in = new NDList(m.zeros(new Shape(4, LATENT)), m.randomUniform(-1, 1, new Shape(4, 3, 32, 32)));
                float[] train1;
                float[] train2;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    train1 = g.forward(ps, in, true).head().toFloatArray();
                    train2 = g.forward(ps, in, true).head().toFloatArray();
                }
                float[] eval1 = g.forward(ps, in, false).head().toFloatArray();
                float[] eval2 = g.forward(ps, in, false).head().toFloatArray();
                assertArrayEquals(eval1, eval2, 0f, "inference is deterministic");
                if (rate > 0) {
                    assertFalse(java.util.Arrays.equals(train1, train2), "two training forwards differ");
                    assertEquals(2, count(g, b -> b instanceof ai.djl.nn.norm.Dropout));
                } else {
                    assertArrayEquals(train1, train2, 0f, "no dropout, no noise");
                    assertEquals(0, count(g, b -> b instanceof ai.djl.nn.norm.Dropout));
                }
            }
        }
    }

    @Test
    void residualAddsTheConditionsFirstChannels() {
        ModelSpec spec = spec(1, 3, 32);
        Pix2PixArchitecture p = small();
        p.setResidual(true);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = p.generator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1, 3, 32, 32));
            for (Parameter param : g.getChildren().get(g.getChildren().size() - 1).getValue().getParameters().values()) {
                param.getArray().set(new float[(int) param.getArray().size()]); // tanh(0) = 0
            }
            NDArray condition = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray out = g.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, LATENT)), condition),
                    false).head();
            assertEquals(new Shape(2, 1, 32, 32), out.getShape());
            assertArrayEquals(condition.get(":, 0:1").toFloatArray(), out.toFloatArray(), 0f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.generator(spec(3, 1, 32)));
        assertTrue(e.getMessage().contains("residual"), e.getMessage());
    }

    @Test
    void patchCountFollowsDLayersAndTooDeepDsAreRejected() {
        assertEquals(2, Pix2PixArchitecture.patchSide(32, 3));
        assertEquals(6, Pix2PixArchitecture.patchSide(64, 3));
        assertEquals(6, Pix2PixArchitecture.patchSide(32, 2));
        Pix2PixArchitecture p = small();
        p.setDLayers(2);
        try (NDManager m = NDManager.newBaseManager()) {
            Block d = p.discriminator(spec(3, 1, 32));
            d.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32), new Shape(1, 1, 32, 32));
            NDArray logits = d.forward(new ParameterStore(m, false),
                    new NDList(m.zeros(new Shape(5, 3, 32, 32)), m.zeros(new Shape(5, 1, 32, 32))), false).head();
            assertEquals(new Shape(5, 36), logits.getShape());
        }
        p.setDLayers(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.discriminator(spec(3, 3, 32)));
        assertTrue(e.getMessage().contains("d_layers ≤ 3"), e.getMessage());
        p.discriminator(spec(3, 3, 64)); // 64 → 4 → 2: fits
    }

    @Test
    void clearErrorsForMissingConditionsAndUnfitShapes() {
        Pix2PixArchitecture p = new Pix2PixArchitecture();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.generator(ModelSpec.of(new Shape(3, 32, 32), LATENT)));
        assertTrue(e.getMessage().startsWith("pix2pix needs an image condition: add a task: section that "
                + "conditions on an image"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> p.discriminator(new ModelSpec(new Shape(3, 32, 32), LATENT, 10, null)));
        assertTrue(e.getMessage().contains("mlp or dcgan"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> p.generator(spec(3, 3, 30)));
        assertTrue(e.getMessage().contains("depth 3") && e.getMessage().contains("divisible by 2^3 = 8")
                && e.getMessage().contains("30×30") && e.getMessage().contains("depth ≤ 1")
                && e.getMessage().contains("32×32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.generator(spec(3, 3, 27)));
        assertFalse(e.getMessage().contains("depth ≤"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> p.generator(
                new ModelSpec(new Shape(3, 64, 64), LATENT, 0, new Shape(3, 32, 32))));
        assertTrue(e.getMessage().contains("resolution"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.generator(
                new ModelSpec(new Shape(64, 64), LATENT, 0, new Shape(64, 64))));

        assertThrows(IllegalArgumentException.class, () -> p.setDepth(0));
        assertThrows(IllegalArgumentException.class, () -> p.setDropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> p.setDropoutLayers(-1));
        assertThrows(IllegalArgumentException.class, () -> p.setDLayers(0));
        assertThrows(IllegalArgumentException.class, () -> p.setFilters(0));
        p.setMaxFilters(16);
        e = assertThrows(IllegalArgumentException.class, p::validate);
        assertTrue(e.getMessage().contains("max_filters"), e.getMessage());
    }

    @Test
    void parametersRoundTripThroughSaveAndLoad() throws Exception {
        ModelSpec spec = spec(3, 1, 32);
        Pix2PixArchitecture p = small();
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = p.generator(spec);
            Block d = p.discriminator(spec);
            initialize(m, g, d, spec);
            Block g2 = p.generator(spec);
            Block d2 = p.discriminator(spec);
            initialize(m, g2, d2, spec);
            copyParameters(m, g, g2);
            copyParameters(m, d, d2);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray condition = m.randomUniform(-1, 1, new Shape(2, 1, 32, 32));
            NDList gIn = new NDList(m.zeros(new Shape(2, LATENT)), condition);
            NDList dIn = new NDList(m.randomUniform(-1, 1, new Shape(2, 3, 32, 32)), condition);
            assertArrayEquals(g.forward(ps, gIn, false).head().toFloatArray(),
                    g2.forward(ps, gIn, false).head().toFloatArray(), 0f);
            assertArrayEquals(d.forward(ps, dIn, false).head().toFloatArray(),
                    d2.forward(ps, dIn, false).head().toFloatArray(), 0f);
        }
    }

    private static void copyParameters(NDManager m, Block from, Block to) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        from.saveParameters(new java.io.DataOutputStream(bytes));
        to.loadParameters(m, new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void yamlKeysAndDefaultsAsTheConfigMapperSeesThem() throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        mapper.registerSubtypes(new NamedType(Pix2PixArchitecture.class, "pix2pix"));
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = new TreeMap<>(mapper.convertValue(new Pix2PixArchitecture(), Map.class));
        assertEquals("pix2pix", defaults.remove("type"));
        assertTrue(defaults.containsKey("d_norm") && defaults.get("d_norm") == null, "d_norm unset: batch");
        Map<String, Object> set = new TreeMap<>(defaults);
        set.remove("d_norm");
        assertEquals(new TreeMap<>(Map.of("depth", 3, "filters", 32, "max_filters", 256, "dropout", 0.5,
                "dropout_layers", 2, "residual", false, "d_layers", 3, "d_filters", 64, "d_max_filters", 512,
                "init_std", 0.02)), set);
        Pix2PixArchitecture read = (Pix2PixArchitecture) mapper.readValue(
                "{\"type\": \"pix2pix\", \"d_layers\": 2, \"d_filters\": 16, \"max_filters\": 64}",
                Architecture.class);
        assertEquals(2, read.getDLayers());
        assertEquals(16, read.getDFilters());
        assertEquals(64, read.getMaxFilters());
        // what `gan plugins` lists: every key with its description
        var bean = mapper.getDeserializationConfig().introspect(mapper.constructType(Pix2PixArchitecture.class));
        for (var property : bean.findProperties()) {
            String description = property.getMetadata().getDescription();
            assertTrue(description != null && !description.isBlank(), property.getName());
        }
        assertEquals(defaults.keySet(), new java.util.TreeSet<>(
                bean.findProperties().stream().map(pr -> pr.getName()).toList()));
    }

    private static Parameter firstWeight(Block g) {
        return g.getParameters().values().stream().filter(p -> p.getType() == Parameter.Type.WEIGHT).findFirst()
                .orElseThrow();
    }

    private static double gradientNorm(Parameter p) {
        try (NDArray grad = p.getArray().getGradient()) {
            float norm = grad.square().sum().getFloat();
            assertTrue(Float.isFinite(norm), p.getName());
            return norm;
        }
    }

    private static List<Shape> weightShapes(Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                .map(p -> p.getArray().getShape())
                .toList();
    }

    private static long trainable(Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private static long count(Block block, Parameter.Type type) {
        return block.getParameters().values().stream().filter(p -> p.getType() == type).count();
    }

    private static long count(Block block, java.util.function.Predicate<Block> test) {
        long n = test.test(block) ? 1 : 0;
        for (Block child : block.getChildren().values()) {
            n += count(child, test);
        }
        return n;
    }
}
