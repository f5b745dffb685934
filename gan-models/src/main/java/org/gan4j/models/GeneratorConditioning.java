package org.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/**
 * How a class-conditional generator sees the class y: {@code concat} joins oneHot(y) to z (Mirza and Osindero
 * 2014); {@code conditional_batchnorm} feeds z alone and makes every batch normalisation's scale and shift
 * class-dependent, γ_y and β_y ({@link ConditionalBatchNorm}; de Vries et al. 2017, Miyato and Koyama 2018).
 */
public enum GeneratorConditioning {
    CONCAT,
    CONDITIONAL_BATCHNORM;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GeneratorConditioning fromYaml(String name) {
        return ConfigChecks.oneOf(name, values(), GeneratorConditioning::yamlName);
    }
}
