package org.gan4j.api.model;

import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Builds a generator and a discriminator for a data shape.
 *
 * <p>Conventions the trainer relies on: G takes {@code NDList(z)} with z of shape (batch,
 * latentDim) — plus the condition as a second array when {@link ModelSpec#conditional()}: class ids
 * of shape (batch) or an image (batch, conditionShape...) — and returns samples of shape (batch,
 * sampleShape...). D takes {@code NDList(x)} (plus the condition) and returns one logit per sample,
 * shape (batch, 1), or one per patch, (batch, P); losses average over all of them. D may return further
 * arrays after the logits (an auxiliary classifier's class logits), which only the architecture's own
 * {@link #lossTerms} read (through {@code LossContext.realOutputs()/fakeOutputs()}). Blocks are returned
 * uninitialised. With {@link ModelSpec#packing()} m above 1 (PacGAN) D is initialised for, and given, packs of
 * shape (batch, {@link ModelSpec#discriminatorInputShape()}...): m samples joined along their first axis, so a
 * D whose first layer infers its input size (dense, convolution) needs no change; G is unchanged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Architecture {

    /** The generator G: z (and condition) to a sample. */
    Block generator(ModelSpec spec);

    /** The discriminator D: a sample (and condition) to one logit (or one per patch). */
    Block discriminator(ModelSpec spec);

    /**
     * About how many parameters G and D hold together for {@code spec}, counted from the settings without
     * building anything (a double: impossible settings overflow a long), or empty when the architecture
     * cannot tell. The framework refuses, before training, a model whose parameters cannot fit in memory.
     *
     * @throws IllegalArgumentException when the spec does not suit the architecture (as the builders do)
     */
    default java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        return java.util.OptionalDouble.empty();
    }

    /**
     * Terms this architecture adds to D's and G's losses for {@code spec} (e.g. an auxiliary classifier's
     * cross-entropy, which reads D's second output); the trainer applies them like configured regularizers,
     * after those. None by default.
     */
    default java.util.List<org.gan4j.api.regularizer.Regularizer> lossTerms(ModelSpec spec) {
        return java.util.List.of();
    }
}
