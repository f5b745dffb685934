package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.NormalInitializer;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.model.ModelSpec;

/**
 * Fully connected G and D: G z -> hidden... -> sample (linear output), D sample -> hidden... -> 1 logit.
 *
 * <p>Class-conditional (Mirza & Osindero 2014) when the spec has K = numClasses > 0: G takes
 * {@code NDList(z, labels)} and D {@code NDList(x, labels)}, labels being float class ids (batch);
 * G's first layer sees concat(z, oneHot(label, K)), D's concat(flatten(x), oneHot(label, K)).
 * {@code generator_conditioning: conditional_batchnorm}: G's first layer sees z alone and a
 * {@link ConditionalBatchNorm} follows every hidden layer of G (whatever {@code generator_batch_norm} says).
 * {@code discriminator_conditioning: projection | auxiliary_classifier}: D's hidden layers see flatten(x) alone,
 * φ(x) is the last hidden layer's output ({@link ConditionedDiscriminator}).
 *
 * <p>Weights: DJL's default unless {@code init_std} is set, i.e. He normal N(0, 2/fan_in), which draws the
 * first layer of a 2-D-input network with σ = 1. {@code init_std: σ} draws every weight of G and D from
 * N(0, σ²) instead, as PacGAN's and VEEGAN's 2-D mixture code does (σ = 0.02); biases start at 0 either way.
 */
public final class MlpArchitecture extends ClassConditionOptions {

    @JsonPropertyDescription("hidden layer widths of both networks")
    private List<Integer> hidden = List.of(128, 128);

    @JsonPropertyDescription("hidden widths of G only (overrides hidden)")
    private List<Integer> generatorHidden;

    @JsonPropertyDescription("hidden widths of D only (overrides hidden)")
    private List<Integer> discriminatorHidden;

    @JsonPropertyDescription("hidden activation: relu, leaky_relu (slope 0.2), tanh, elu, sigmoid, maxout")
    private ActivationKind activation = ActivationKind.RELU;

    @JsonPropertyDescription("hidden activation of G only (overrides activation)")
    private ActivationKind generatorActivation;

    @JsonPropertyDescription("hidden activation of D only (overrides activation)")
    private ActivationKind discriminatorActivation;

    @JsonPropertyDescription("pieces of a maxout unit: a hidden layer of width w computes w × pieces linear units")
    private int maxoutPieces = 5;

    @JsonPropertyDescription("batch normalisation after each hidden layer of G")
    private boolean generatorBatchNorm = false;

    @JsonPropertyDescription("squash G's output with tanh (for data scaled to [-1, 1])")
    private boolean tanhOutput = false;

    @JsonProperty("d_norm")
    @JsonPropertyDescription("normalisation after D's hidden layers: batch, layer (per sample, e.g. for WGAN-GP's "
            + "critic) or none; unset: none")
    private NormKind dNorm;

    @JsonPropertyDescription("spectral normalisation (Miyato et al. 2018) of the weight layers of d, g, both or "
            + "none; D's power iteration advances in the D-step only, and D's batch norm is dropped unless d_norm "
            + "is set")
    private SpectralNormTarget spectralNorm = SpectralNormTarget.NONE;

    @JsonPropertyDescription("standard deviation σ of an N(0, σ²) initialisation of every weight of G and D "
            + "(PacGAN's 2-D mixtures: 0.02); unset: DJL's He normal N(0, 2/fan_in)")
    private Double initStd;

    public List<Integer> getHidden() {
        return hidden;
    }

    public void setHidden(List<Integer> hidden) {
        this.hidden = ConfigChecks.positiveSizes(hidden, true);
    }

    public List<Integer> getGeneratorHidden() {
        return generatorHidden;
    }

    public void setGeneratorHidden(List<Integer> sizes) {
        this.generatorHidden = ConfigChecks.positiveSizes(sizes, true);
    }

    public List<Integer> getDiscriminatorHidden() {
        return discriminatorHidden;
    }

    public void setDiscriminatorHidden(List<Integer> sizes) {
        this.discriminatorHidden = ConfigChecks.positiveSizes(sizes, true);
    }

    public ActivationKind getActivation() {
        return activation;
    }

    public void setActivation(ActivationKind activation) {
        this.activation = activation;
    }

    public ActivationKind getGeneratorActivation() {
        return generatorActivation;
    }

    public void setGeneratorActivation(ActivationKind generatorActivation) {
        this.generatorActivation = generatorActivation;
    }

    public ActivationKind getDiscriminatorActivation() {
        return discriminatorActivation;
    }

    public void setDiscriminatorActivation(ActivationKind discriminatorActivation) {
        this.discriminatorActivation = discriminatorActivation;
    }

    public int getMaxoutPieces() {
        return maxoutPieces;
    }

    public void setMaxoutPieces(int maxoutPieces) {
        this.maxoutPieces = ConfigChecks.positive(maxoutPieces);
    }

    public boolean isGeneratorBatchNorm() {
        return generatorBatchNorm;
    }

    public void setGeneratorBatchNorm(boolean generatorBatchNorm) {
        this.generatorBatchNorm = generatorBatchNorm;
    }

    public boolean isTanhOutput() {
        return tanhOutput;
    }

    public void setTanhOutput(boolean tanhOutput) {
        this.tanhOutput = tanhOutput;
    }

    @JsonProperty("d_norm")
    public NormKind getDNorm() {
        return dNorm;
    }

    @JsonProperty("d_norm")
    public void setDNorm(NormKind dNorm) {
        this.dNorm = dNorm;
    }

    public SpectralNormTarget getSpectralNorm() {
        return spectralNorm;
    }

    public void setSpectralNorm(SpectralNormTarget spectralNorm) {
        this.spectralNorm = spectralNorm == null ? SpectralNormTarget.NONE : spectralNorm;
    }

    public Double getInitStd() {
        return initStd;
    }

    public void setInitStd(Double initStd) {
        this.initStd = initStd == null ? null : ConfigChecks.positive(initStd);
    }

    /** D's normalisation: d_norm, or none when unset (none under D's spectral norm, as in SNGAN). */
    NormKind discriminatorNorm() {
        return dNorm != null ? dNorm : spectralNorm.discriminator() ? NormKind.NONE : NormKind.NONE;
    }

    @Override
    public Block generator(ModelSpec spec) {
        int classes = classes(spec, "mlp");
        boolean cbn = conditionalBatchNorm(classes);
        GeneratorChain g = new GeneratorChain(classes, cbn);
        if (cbn) { // z alone enters the first layer; the labels travel on to the conditional batch norms
            g.addInput(new LambdaBlock(x -> ClassConditioning.requirePair(x, "mlp generator"), "z-and-labels"));
        } else if (classes > 0) {
            g.addInput(new LambdaBlock(x -> new NDList(ClassConditioning.appendOneHot(
                    ClassConditioning.requirePair(x, "mlp generator").get(0), x.get(1), classes)), "z-with-one-hot"));
        }
        ActivationKind act = generatorActivation != null ? generatorActivation : activation;
        Layers layers = Layers.generator(spectralNorm);
        for (int width : generatorHidden != null ? generatorHidden : hidden) {
            g.add(layers.dense((long) width * act.unitsPerOutput(maxoutPieces), true));
            if (generatorBatchNorm || cbn) {
                g.norm();
            }
            g.add(act.block(maxoutPieces));
        }
        g.add(layers.dense(spec.sampleSize(), true));
        if (tanhOutput) {
            g.add(ActivationKind.TANH.block());
        }
        Shape sampleShape = spec.sampleShape();
        g.add(new LambdaBlock(x -> reshapeToSamples(x, sampleShape), "to-sample-shape"));
        return initialised(g.build());
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        int classes = classes(spec, "mlp");
        boolean head = conditionedHead(classes);
        SequentialBlock d = new SequentialBlock();
        if (classes > 0 && !head) {
            d.add(new LambdaBlock(x -> {
                NDArray flat = ClassConditioning.requirePair(x, "mlp discriminator").get(0);
                flat = flat.reshape(flat.getShape().get(0), -1);
                return new NDList(ClassConditioning.appendOneHot(flat, x.get(1), classes));
            }, "flatten-with-one-hot"));
        } else {
            d.add(new LambdaBlock(x -> new NDList(flatten(x.head())), "flatten"));
        }
        ActivationKind act = discriminatorActivation != null ? discriminatorActivation : activation;
        List<Integer> widths = discriminatorHidden != null ? discriminatorHidden : hidden;
        Layers layers = Layers.discriminator(spectralNorm);
        for (int width : widths) {
            d.add(layers.dense((long) width * act.unitsPerOutput(maxoutPieces), true));
            addNorm(d, discriminatorNorm());
            d.add(act.block(maxoutPieces));
        }
        if (head) { // φ(x) = the last hidden layer's output (the input itself without hidden layers)
            int features = widths.isEmpty() ? spec.sampleSize() : widths.get(widths.size() - 1);
            return initialised(new ConditionedDiscriminator(getDiscriminatorConditioning(), classes, features, d,
                    true, layers));
        }
        d.add(layers.dense(1, true));
        return initialised(d);
    }

    /** {@code network} with every weight drawn from N(0, init_std²) when init_std is set; as built otherwise. */
    private Block initialised(Block network) {
        if (initStd != null) {
            network.setInitializer(new NormalInitializer(initStd.floatValue()), Parameter.Type.WEIGHT);
        }
        return network;
    }

    private static void addNorm(SequentialBlock net, NormKind norm) {
        Block block = norm.block();
        if (block != null) {
            net.add(block);
        }
    }

    /** Weights and biases of the dense layers (and G's batch-norm scales, shifts and statistics); D's first layer takes a pack. */
    @Override
    public java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        int classes = classes(spec, "mlp");
        boolean cbn = conditionalBatchNorm(classes);
        boolean head = conditionedHead(classes);
        ActivationKind gAct = generatorActivation != null ? generatorActivation : activation;
        ActivationKind dAct = discriminatorActivation != null ? discriminatorActivation : activation;
        List<Integer> gWidths = generatorHidden != null ? generatorHidden : hidden;
        double g = dense(spec.latentDim() + (cbn ? 0 : classes), gWidths,
                gAct.unitsPerOutput(maxoutPieces), generatorBatchNorm && !cbn ? 4 : 0, spec.sampleShape().size());
        if (cbn) { // per hidden unit: BN's four values (its own scale and shift fixed) and the two K-row class tables
            for (int width : gWidths) {
                g += (4.0 + 2.0 * classes) * width * gAct.unitsPerOutput(maxoutPieces);
            }
        }
        List<Integer> dWidths = discriminatorHidden != null ? discriminatorHidden : hidden;
        double d;
        if (head) {
            double trunk = dense(spec.discriminatorInputShape().size(), dWidths, dAct.unitsPerOutput(maxoutPieces),
                    discriminatorNorm().parametersPerChannel(), 0);
            int features = dWidths.isEmpty() ? spec.sampleSize() : dWidths.get(dWidths.size() - 1);
            d = trunk + ConditionedDiscriminator.headParameters(getDiscriminatorConditioning(), classes, features, true);
        } else {
            d = dense(spec.discriminatorInputShape().size() + classes, dWidths, dAct.unitsPerOutput(maxoutPieces),
                    discriminatorNorm().parametersPerChannel(), 1);
        }
        return java.util.OptionalDouble.of(g + d);
    }

    private static double dense(double inputs, List<Integer> widths, int unitsPerOutput, int normPerUnit,
            double outputs) {
        double count = 0;
        double in = inputs;
        for (int width : widths) {
            double units = (double) width * unitsPerOutput;
            count += in * units + units + (double) normPerUnit * units;
            in = width;
        }
        return count + in * outputs + outputs;
    }

    /*
     * The reshapes below are skipped when the array has the shape already (2-D samples): a reshape is an
     * engine operator of its own, with its backward, and the MLP's iteration is bound by per-operator cost.
     */

    private static NDList reshapeToSamples(NDList x, Shape sampleShape) {
        NDArray flat = x.head();
        Shape target = new Shape(flat.getShape().get(0)).addAll(sampleShape);
        return new NDList(flat.getShape().equals(target) ? flat : flat.reshape(target));
    }

    /** (n, ...) as (n, features). */
    private static NDArray flatten(NDArray x) {
        return x.getShape().dimension() == 2 ? x : x.reshape(x.getShape().get(0), -1);
    }
}
