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
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.model.PhaseAware;
import org.gan4j.api.model.TrainingPhase;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditional batch norm in G, projection and auxiliary-classifier discriminators, for mlp, dcgan and resnet. */
class ConditioningVariantsTest {
    private static final int LATENT = 6;
    private static final int CLASSES = 3;

    static Stream<Arguments> variants() {
        return Stream.of("mlp", "dcgan", "resnet").flatMap(arch -> Stream.of(DiscriminatorConditioning.values())
                .map(d -> Arguments.of(arch, GeneratorConditioning.CONDITIONAL_BATCHNORM, d)));
    }

    static ClassConditionOptions make(String arch, GeneratorConditioning g, DiscriminatorConditioning d) {
        ClassConditionOptions a;
        if (arch.equals("mlp")) {
            MlpArchitecture mlp = new MlpArchitecture();
            mlp.setHidden(List.of(16, 8));
            a = mlp;
        } else if (arch.equals("resnet")) {
            ResnetArchitecture resnet = new ResnetArchitecture();
            resnet.setGeneratorWidth(4);
            resnet.setDiscriminatorWidth(4);
            a = resnet;
        } else {
            DcganArchitecture dcgan = new DcganArchitecture();
            dcgan.setBaseWidth(4);
            a = dcgan;
        }
        a.setGeneratorConditioning(g);
        a.setDiscriminatorConditioning(d);
        return a;
    }

    @ParameterizedTest(name = "{0} G {1} D {2}")
    @MethodSource("variants")
    void labelsChangeBothNetworksGradientsFlowAndTheEstimateIsExact(String arch, GeneratorConditioning gc,
            DiscriminatorConditioning dc) {
        ClassConditionOptions a = make(arch, gc, dc);
        Shape sample = new Shape(1, 28, 28);
        ModelSpec spec = new ModelSpec(sample, LATENT, CLASSES, null);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = a.generator(spec);
            Block d = a.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
            d.initialize(m, DataType.FLOAT32, new Shape(1).addAll(sample), new Shape(1));
            double count = 0;
            for (Block b : List.of(g, d)) {
                for (Parameter p : b.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            assertEquals(count, a.estimateParameters(spec).getAsDouble(), 0, "estimate of " + arch + " " + dc);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray labels = m.create(new float[] {0, 1, 2});
            // Train-mode forwards inside a collector: the class tables start at zero, so give them a step first.
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(m.randomNormal(new Shape(3, LATENT)), labels), true).head();
                NDList out = d.forward(ps, new NDList(fake, labels), true);
                assertEquals(dc == DiscriminatorConditioning.AUXILIARY_CLASSIFIER ? 2 : 1, out.size());
                assertEquals(new Shape(3, 1), out.head().getShape());
                NDArray loss = out.head().mean();
                if (out.size() > 1) {
                    assertEquals(new Shape(3, CLASSES), out.get(1).getShape());
                    loss = loss.add(AuxiliaryClassifierTerm.crossEntropy(out.get(1), labels, CLASSES));
                }
                c.backward(loss);
            }
            for (Block net : List.of(g, d)) {
                for (Parameter p : net.getParameters().values()) {
                    if (p.requiresGradient() && (p.getType() == Parameter.Type.WEIGHT || p.getName().startsWith("class_"))) {
                        float norm = p.getArray().getGradient().square().sum().getFloat();
                        assertTrue(Float.isFinite(norm) && norm > 0, arch + " " + dc + ": gradient of " + p.getName());
                    }
                }
            }
        }
    }

    static Stream<Arguments> withSpectralNormAndDiscriminatorNorm() {
        return Stream.of("mlp", "dcgan", "resnet").flatMap(arch -> Stream.of(GeneratorConditioning.values())
                .flatMap(g -> Stream.of(DiscriminatorConditioning.values())
                        .flatMap(d -> (arch.equals("resnet") ? Stream.of(NormKind.NONE) : Stream.of(NormKind.LAYER,
                                NormKind.BATCH))
                                .map(norm -> Arguments.of(arch, g, d, norm)))));
    }

    /**
     * Every conditioning variant with spectral norm on both networks, a d_norm and (dcgan) self-attention: the
     * estimate is exact, the forwards run, and ψ and the class head are normalised like the trunk's layers.
     */
    @ParameterizedTest(name = "{0} G {1} D {2} d_norm {3}")
    @MethodSource("withSpectralNormAndDiscriminatorNorm")
    void conditioningCombinesWithSpectralNormDiscriminatorNormAndAttention(String arch, GeneratorConditioning gc,
            DiscriminatorConditioning dc, NormKind norm) {
        ClassConditionOptions a = make(arch, gc, dc);
        if (a instanceof MlpArchitecture mlp) {
            mlp.setSpectralNorm(SpectralNormTarget.BOTH);
            mlp.setDNorm(norm);
            mlp.setGeneratorBatchNorm(true);
        } else if (a instanceof ResnetArchitecture resnet) { // no d_norm: resnet's D has no normalisation
            resnet.setSpectralNorm(SpectralNormTarget.BOTH);
            resnet.setAttentionAt(14);
        } else {
            DcganArchitecture dcgan = (DcganArchitecture) a;
            dcgan.setSpectralNorm(SpectralNormTarget.BOTH);
            dcgan.setDNorm(norm);
            dcgan.setAttentionAt(14);
        }
        Shape sample = new Shape(1, 28, 28);
        ModelSpec spec = new ModelSpec(sample, LATENT, CLASSES, null);
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = a.generator(spec);
            Block d = a.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
            d.initialize(m, DataType.FLOAT32, new Shape(1).addAll(sample), new Shape(1));
            double count = 0;
            for (Block b : List.of(g, d)) {
                for (Parameter p : b.getParameters().values()) {
                    count += p.getArray().size();
                }
            }
            assertEquals(count, a.estimateParameters(spec).getAsDouble(), 0, "estimate of " + arch + " " + gc + " " + dc);
            List<Block> blocks = new ArrayList<>();
            collect(g, blocks);
            collect(d, blocks);
            List<String> sections = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof StatefulPart part) {
                    sections.add(part.stateSection());
                }
                if (b instanceof PhaseAware aware) {
                    aware.enterPhase(TrainingPhase.DISCRIMINATOR_STEP);
                }
            }
            assertEquals(sections.size(), new HashSet<>(sections).size(), "distinct sections " + sections);
            long dLayers = sections.stream().filter(x -> x.startsWith("spectral_norm.discriminator.")).count();
            // mlp: 2 hidden + ψ; dcgan: 2 convs + attention's 4 + ψ; resnet: 3 + 3 + 2 + 2 convs + attention's 4 + ψ;
            // the class head is one more
            long expected = switch (arch) {
                case "mlp" -> 3;
                case "dcgan" -> 7;
                default -> 15;
            } + (dc == DiscriminatorConditioning.AUXILIARY_CLASSIFIER ? 1 : 0);
            assertEquals(expected, dLayers, "D's normalised layers " + sections);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray labels = m.create(new float[] {0, 1, 2});
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(m.randomNormal(new Shape(3, LATENT)), labels), true).head();
                assertEquals(new Shape(3).addAll(sample), fake.getShape());
                NDList out = d.forward(ps, new NDList(fake, labels), true);
                assertEquals(dc == DiscriminatorConditioning.AUXILIARY_CLASSIFIER ? 2 : 1, out.size());
                assertEquals(new Shape(3, 1), out.head().getShape());
                NDArray loss = out.head().mean();
                if (out.size() > 1) {
                    loss = loss.add(AuxiliaryClassifierTerm.crossEntropy(out.get(1), labels, CLASSES));
                }
                assertTrue(Float.isFinite(loss.getFloat()));
                c.backward(loss);
            }
        }
    }

    private static void collect(Block block, List<Block> into) {
        into.add(block);
        for (Block child : block.getChildren().values()) {
            collect(child, into);
        }
    }

    @Test
    void conditionalBatchNormScalesAndShiftsByClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            ConditionalBatchNorm cbn = new ConditionalBatchNorm(2);
            cbn.initialize(m, DataType.FLOAT32, new Shape(2, 2), new Shape(2));
            Map<String, Parameter> p = Map.of("gain", param(cbn, "class_gain"), "shift", param(cbn, "class_shift"));
            p.get("gain").getArray().set(new float[] {0.5f, -0.5f, 1f, 2f});   // G[0] = (0.5, −0.5), G[1] = (1, 2)
            p.get("shift").getArray().set(new float[] {10f, 20f, -1f, -2f});  // B[0] = (10, 20),   B[1] = (−1, −2)
            NDArray h = m.create(new float[] {2, 4, 2, 4}, new Shape(2, 2));
            // Inference: BN uses the fresh running statistics (mean 0, variance 1): BN(h) = h / sqrt(1 + ε).
            NDArray out = cbn.forward(new ParameterStore(m, false), new NDList(h, m.create(new float[] {0, 1})), false)
                    .head();
            double s = 1 / Math.sqrt(1 + 1e-5);
            float[] expected = {(float) (1.5 * 2 * s + 10), (float) (0.5 * 4 * s + 20),
                    (float) (2 * 2 * s - 1), (float) (3 * 4 * s - 2)};
            float[] got = out.toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i], got[i], 1e-3, "element " + i);
            }
        }
    }

    @Test
    void projectionAddsTheEmbeddingsInnerProductWithTheFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block trunk = new LambdaBlock(x -> new NDList(x.head().reshape(x.head().getShape().get(0), -1)), "flatten");
            ConditionedDiscriminator d = new ConditionedDiscriminator(DiscriminatorConditioning.PROJECTION, 2, 3, trunk,
                    true);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 3), new Shape(1));
            param(d, "class_embedding").getArray().set(new float[] {1, 0, 0, 0, 2, -1}); // e0 = (1,0,0), e1 = (0,2,−1)
            NDArray x = m.create(new float[] {1, 2, 3, 1, 2, 3}, new Shape(2, 3));
            ParameterStore ps = new ParameterStore(m, false);
            float[] withClass = d.forward(ps, new NDList(x, m.create(new float[] {0, 1})), false).head().toFloatArray();
            param(d, "class_embedding").getArray().set(new float[6]);
            float[] psiOnly = d.forward(ps, new NDList(x, m.create(new float[] {0, 1})), false).head().toFloatArray();
            assertEquals(1 * 1, withClass[0] - psiOnly[0], 1e-5);          // e0·φ = 1
            assertEquals(2 * 2 - 3, withClass[1] - psiOnly[1], 1e-5);      // e1·φ = 4 − 3
        }
    }

    @Test
    void auxiliaryClassifierTermsReachDsAndGsUpdates() {
        ClassConditionOptions a = make("mlp", GeneratorConditioning.CONCAT, DiscriminatorConditioning.AUXILIARY_CLASSIFIER);
        a.setAuxiliaryDWeight(2.0);
        ModelSpec spec = new ModelSpec(new Shape(4), LATENT, CLASSES, null);
        List<Regularizer> terms = a.lossTerms(spec);
        assertEquals(List.of("aux_class_d", "aux_class_g"), terms.stream().map(Regularizer::name).toList());
        assertEquals(List.of(Phase.DISCRIMINATOR, Phase.GENERATOR), terms.stream().map(Regularizer::target).toList());
        try (NDManager m = NDManager.newBaseManager()) {
            Block g = a.generator(spec);
            Block d = a.discriminator(spec);
            g.initialize(m, DataType.FLOAT32, new Shape(1, LATENT), new Shape(1));
            d.initialize(m, DataType.FLOAT32, new Shape(1, 4), new Shape(1));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray labels = m.create(new float[] {0, 1, 2});
            NDArray real = m.randomNormal(new Shape(3, 4));
            NDArray z = m.randomNormal(new Shape(3, LATENT));

            // D's term alone, on a detached fake: D's class head gets a gradient, ψ (the adversarial head) none.
            float dTerm;
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(z, labels), true).head().stopGradient();
                NDList realOut = d.forward(ps, new NDList(real, labels), true);
                NDList fakeOut = d.forward(ps, new NDList(fake, labels), true);
                NDArray term = terms.get(0).term(context(realOut, fakeOut, labels));
                dTerm = term.getFloat();
                double expected = 2.0 * (AuxiliaryClassifierTerm.crossEntropy(realOut.get(1), labels, CLASSES).getFloat()
                        + AuxiliaryClassifierTerm.crossEntropy(fakeOut.get(1), labels, CLASSES).getFloat());
                assertEquals(expected, dTerm, 1e-5);
                c.backward(term);
            }
            assertTrue(gradNorm(d, "class_head") > 0, "D's class head learns from D's term");
            assertEquals(0, gradNorm(d, "psi"), 0, "the adversarial head is untouched by the class term");

            // G's term: its gradient reaches G's weights through D's class head.
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray fake = g.forward(ps, new NDList(z, labels), true).head();
                NDList fakeOut = d.forward(ps, new NDList(fake, labels), true);
                NDArray term = terms.get(1).term(context(null, fakeOut, labels));
                assertEquals(AuxiliaryClassifierTerm.crossEntropy(fakeOut.get(1), labels, CLASSES).getFloat(),
                        term.getFloat(), 1e-6);
                c.backward(term);
            }
            assertTrue(gradNorm(g, "") > 0, "G learns from its class term");
        }
    }

    @Test
    void crossEntropyIsHandComputed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0, 0, Float.parseFloat("0.6931472"), 0}, new Shape(2, 2));
            // row 0: softmax (½, ½), y = 0 → log 2; row 1: softmax (2/3, 1/3), y = 1 → log 3. Mean (log 2 + log 3)/2.
            float ce = AuxiliaryClassifierTerm.crossEntropy(logits, m.create(new float[] {0, 1}), 2).getFloat();
            assertEquals((Math.log(2) + Math.log(3)) / 2, ce, 1e-5);
        }
    }

    @Test
    void nonConcatConditioningWithoutClassesIsRefusedNamingTheKey() {
        ModelSpec unlabelled = ModelSpec.of(new Shape(1, 28, 28), LATENT);
        for (String arch : List.of("mlp", "dcgan")) {
            ClassConditionOptions a = make(arch, GeneratorConditioning.CONCAT, DiscriminatorConditioning.PROJECTION);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.discriminator(unlabelled));
            assertTrue(e.getMessage().startsWith("discriminator_conditioning: projection needs class labels"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("class-conditional"), e.getMessage());
            ClassConditionOptions b = make(arch, GeneratorConditioning.CONDITIONAL_BATCHNORM,
                    DiscriminatorConditioning.CONCAT);
            e = assertThrows(IllegalArgumentException.class, () -> b.generator(unlabelled));
            assertTrue(e.getMessage().startsWith("generator_conditioning: conditional_batchnorm needs class labels"),
                    e.getMessage());
        }
    }

    private static Parameter param(Block b, String name) {
        return b.getParameters().values().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The sum of squared gradients of the parameters whose path contains {@code part}. */
    private static double gradNorm(Block b, String part) {
        double s = 0;
        for (ai.djl.util.Pair<String, Parameter> e : b.getParameters()) {
            if (e.getKey().contains(part) && e.getValue().requiresGradient()) {
                s += e.getValue().getArray().getGradient().square().sum().getFloat();
            }
        }
        return s;
    }

    private static RegularizerContext context(NDList real, NDList fake, NDArray labels) {
        return new RegularizerContext() {
            public NDList realOutputs() {
                return real;
            }

            public NDList fakeOutputs() {
                return fake;
            }

            public NDArray condition() {
                return labels;
            }

            public NDArray realLogits() {
                return real.head();
            }

            public NDArray fakeLogits() {
                return fake.head();
            }

            public NDArray realSamples() {
                throw new UnsupportedOperationException();
            }

            public NDArray fakeSamples() {
                throw new UnsupportedOperationException();
            }

            public NDArray discriminate(NDArray samples) {
                throw new UnsupportedOperationException();
            }

            public Phase phase() {
                return Phase.DISCRIMINATOR;
            }

            public long step() {
                return 0;
            }

            public long randomSeed() {
                return 0;
            }

            public long update() {
                return 0;
            }

            public NDArray inputGradient(NDArray samples) {
                throw new UnsupportedOperationException();
            }

            public void log(String column, double value) {}
        };
    }
}
