package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/** The prior p_z of the generator's input. */
public final class LatentConfig {

    @JsonPropertyDescription("size of z")
    private int dim = 2;

    @JsonPropertyDescription("normal (standard normal) or uniform (on [-1, 1])")
    private Prior distribution = Prior.NORMAL;

    public int getDim() {
        return dim;
    }

    public void setDim(int dim) {
        this.dim = ConfigChecks.positive(dim);
    }

    public Prior getDistribution() {
        return distribution;
    }

    public void setDistribution(Prior distribution) {
        this.distribution = distribution;
    }

    /** The noise distributions z can be drawn from. */
    public enum Prior {
        NORMAL,
        UNIFORM;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Prior fromYaml(String name) {
            return ConfigChecks.oneOf(name, values(), Prior::yamlName);
        }
    }
}
