package org.gan4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/** Which networks' weight layers are spectrally normalised ({@code spectral_norm}: d, g, both or none). */
public enum SpectralNormTarget {
    D,
    G,
    BOTH,
    NONE;

    public boolean discriminator() {
        return this == D || this == BOTH;
    }

    public boolean generator() {
        return this == G || this == BOTH;
    }

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SpectralNormTarget fromYaml(String name) {
        return ConfigChecks.oneOf(name, values(), SpectralNormTarget::yamlName);
    }
}
