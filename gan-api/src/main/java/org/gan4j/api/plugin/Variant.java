package org.gan4j.api.plugin;

import java.util.Objects;

/**
 * One named variant registered by a plugin: the YAML word {@code type: name} under a pluggable
 * section of kind {@code kind} binds to {@code implementation}, whose Jackson properties are the
 * section's other keys.
 *
 * @param kind the SPI interface the variant implements (e.g. {@code AdversarialLoss.class})
 * @param name the word used after {@code type:} in a config
 * @param implementation the class YAML binds to; it holds the variant's settings and behaviour
 * @param description one line shown by {@code gan plugins}
 */
public record Variant(Class<?> kind, String name, Class<?> implementation, String description) {
    public Variant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(implementation, "implementation");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "variant name '" + name + "' must be lower-case letters, digits and '-'");
        }
        if (!kind.isAssignableFrom(implementation)) {
            throw new IllegalArgumentException(
                    implementation.getName() + " does not implement " + kind.getSimpleName());
        }
        description = description == null ? "" : description;
    }
}
