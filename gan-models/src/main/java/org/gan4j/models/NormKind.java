package org.gan4j.models;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/**
 * The normalisation a discriminator puts after its hidden layers ({@code d_norm}): {@code batch}
 * (BatchNorm, statistics over the batch), {@code layer} ({@link SampleLayerNorm}: statistics over each
 * sample's own features, so D's output for one sample does not depend on the others in its batch, as
 * WGAN-GP's critic needs), or {@code none}. Unset, each architecture keeps its own default.
 */
public enum NormKind {
    BATCH,
    LAYER,
    NONE;

    /** The block to add after a hidden layer, or null for {@code none}. */
    public Block block() {
        return switch (this) {
            case BATCH -> BatchNorm.builder().build();
            case LAYER -> new SampleLayerNorm();
            case NONE -> null;
        };
    }

    /** Scale, shift and (BatchNorm) running mean and variance per channel: parameters per channel. */
    public int parametersPerChannel() {
        return switch (this) {
            case BATCH -> 4;
            case LAYER -> 2;
            case NONE -> 0;
        };
    }

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NormKind fromYaml(String name) {
        return ConfigChecks.oneOf(name, values(), NormKind::yamlName);
    }
}
