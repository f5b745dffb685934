package org.gan4j.models;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.regularizer.Regularizer;

/**
 * The class-conditioning options {@code mlp} and {@code dcgan} share (used when the {@code class-conditional} task
 * gives the model K classes): how G and D see the class, and the weights of AC-GAN's class terms. The defaults,
 * {@code concat} for both, build exactly the networks of earlier versions.
 */
public abstract class ClassConditionOptions implements Architecture {

    @JsonPropertyDescription("how G sees the class: concat (one-hot joined to z) or conditional_batchnorm "
            + "(class-dependent scale and shift in every batch norm of G)")
    private GeneratorConditioning generatorConditioning = GeneratorConditioning.CONCAT;

    @JsonPropertyDescription("how D sees the class: concat (one-hot joined to its input), projection "
            + "(logit + embed(y)·φ(x)) or auxiliary_classifier (AC-GAN: a class head and its cross-entropy)")
    private DiscriminatorConditioning discriminatorConditioning = DiscriminatorConditioning.CONCAT;

    @JsonProperty("auxiliary_d_weight")
    @JsonPropertyDescription("auxiliary_classifier only: weight of the class cross-entropy (real + generated) in D's loss")
    private double auxiliaryDWeight = 1.0;

    @JsonProperty("auxiliary_g_weight")
    @JsonPropertyDescription("auxiliary_classifier only: weight of the class cross-entropy of G's samples in G's loss")
    private double auxiliaryGWeight = 1.0;

    public GeneratorConditioning getGeneratorConditioning() {
        return generatorConditioning;
    }

    public void setGeneratorConditioning(GeneratorConditioning generatorConditioning) {
        this.generatorConditioning = generatorConditioning;
    }

    public DiscriminatorConditioning getDiscriminatorConditioning() {
        return discriminatorConditioning;
    }

    public void setDiscriminatorConditioning(DiscriminatorConditioning discriminatorConditioning) {
        this.discriminatorConditioning = discriminatorConditioning;
    }

    @JsonProperty("auxiliary_d_weight")
    public double getAuxiliaryDWeight() {
        return auxiliaryDWeight;
    }

    @JsonProperty("auxiliary_d_weight")
    public void setAuxiliaryDWeight(double weight) {
        this.auxiliaryDWeight = ConfigChecks.positive(weight);
    }

    @JsonProperty("auxiliary_g_weight")
    public double getAuxiliaryGWeight() {
        return auxiliaryGWeight;
    }

    @JsonProperty("auxiliary_g_weight")
    public void setAuxiliaryGWeight(double weight) {
        this.auxiliaryGWeight = ConfigChecks.positive(weight);
    }

    /** Whether G gets the class through its batch norms. */
    boolean conditionalBatchNorm(int classes) {
        return classes > 0 && generatorConditioning == GeneratorConditioning.CONDITIONAL_BATCHNORM;
    }

    /** Whether D needs a {@link ConditionedDiscriminator} head (projection or auxiliary classifier). */
    boolean conditionedHead(int classes) {
        return classes > 0 && discriminatorConditioning != DiscriminatorConditioning.CONCAT;
    }

    /**
     * K, refusing a non-concat conditioning on an unconditional spec (no labels reach the model).
     *
     * @throws IllegalArgumentException naming the key and what it needs
     */
    int classes(ModelSpec spec, String architecture) {
        int classes = ClassConditioning.classes(spec, architecture);
        if (classes == 0) {
            String key = discriminatorConditioning != DiscriminatorConditioning.CONCAT ? "discriminator_conditioning"
                    : generatorConditioning != GeneratorConditioning.CONCAT ? "generator_conditioning" : null;
            if (key != null) {
                Object value = key.startsWith("d") ? discriminatorConditioning.yamlName() : generatorConditioning.yamlName();
                throw new IllegalArgumentException(key + ": " + value + " needs class labels, but this run gives the "
                        + architecture + " model none; use task: {type: class-conditional} with labelled data (idx, "
                        + "cifar10, image-folder with class sub-folders), or " + key + ": concat");
            }
        }
        return classes;
    }

    /** AC-GAN's two class terms when D has an auxiliary classifier; none otherwise. */
    @Override
    public List<Regularizer> lossTerms(ModelSpec spec) {
        if (spec.numClasses() == 0 || discriminatorConditioning != DiscriminatorConditioning.AUXILIARY_CLASSIFIER) {
            return List.of();
        }
        return List.of(new AuxiliaryClassifierTerm(Phase.DISCRIMINATOR, auxiliaryDWeight, spec.numClasses()),
                new AuxiliaryClassifierTerm(Phase.GENERATOR, auxiliaryGWeight, spec.numClasses()));
    }

    /**
     * G's layers in order; with conditional batch norm every layer carries the labels along ({@link LabelCarrier})
     * and each batch norm is a {@link ConditionalBatchNorm}, the labels dropped at the end.
     */
    static final class GeneratorChain {
        private final SequentialBlock block = new SequentialBlock();
        private final int classes;
        private final boolean conditional;

        GeneratorChain(int classes, boolean conditional) {
            this.classes = classes;
            this.conditional = conditional;
        }

        GeneratorChain add(Block layer) {
            block.add(conditional ? new LabelCarrier(layer) : layer);
            return this;
        }

        /** The first block: it sees the raw inputs, NDList(z) or NDList(z, labels). */
        GeneratorChain addInput(Block input) {
            block.add(input);
            return this;
        }

        GeneratorChain norm() {
            block.add(conditional ? new ConditionalBatchNorm(classes) : BatchNorm.builder().build());
            return this;
        }

        /** The layers so far, the labels still carried when conditional (a chain inside a larger one). */
        SequentialBlock carrying() {
            return block;
        }

        SequentialBlock build() {
            if (conditional) {
                block.add(new LambdaBlock(x -> new NDList(x.head()), "drop-labels"));
            }
            return block;
        }
    }
}
