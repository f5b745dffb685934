package org.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/**
 * How a class-conditional discriminator sees the class y: {@code concat} joins oneHot(y) to its input (Mirza and
 * Osindero 2014); {@code projection} adds embed(y)·φ(x) to the logit (Miyato and Koyama 2018);
 * {@code auxiliary_classifier} judges x alone and adds a class head whose cross-entropy both networks minimise
 * (Odena et al. 2017, AC-GAN). See {@link ConditionedDiscriminator} and {@link AuxiliaryClassifierTerm}.
 */
public enum DiscriminatorConditioning {
    CONCAT,
    PROJECTION,
    AUXILIARY_CLASSIFIER;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DiscriminatorConditioning fromYaml(String name) {
        return ConfigChecks.oneOf(name, values(), DiscriminatorConditioning::yamlName);
    }
}
