package org.gan4j.api.plugin;

import java.util.Map;
import java.util.Objects;

/**
 * The variant a defaulted config section gets when the config leaves it out (today the optimizers;
 * next the engine). The plugin that provides the variant declares it with
 * {@link GanPlugin#registerDefault}, so the core names no variant. A section the user writes without
 * {@code type:} (for example one {@code --set trainer.generator_optimizer.lr=0.001}) is merged into it.
 *
 * @param kind the SPI interface of the section (e.g. {@code OptimizerSpec.class})
 * @param variant the {@code type:} word of the default variant
 * @param settings the default's other keys, as YAML would give them (snake_case keys)
 * @param declaredBy the plugin class that declared it, named in conflict messages
 */
public record SectionDefault(Class<?> kind, String variant, Map<String, Object> settings, String declaredBy) {
    public SectionDefault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(declaredBy, "declaredBy");
        settings = Map.copyOf(settings == null ? Map.of() : settings);
        if (settings.containsKey("type")) {
            throw new IllegalArgumentException("the default of " + kind.getSimpleName() + " names its variant '"
                    + variant + "' already; remove 'type' from its settings");
        }
    }
}
