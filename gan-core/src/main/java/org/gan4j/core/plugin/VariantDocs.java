package org.gan4j.core.plugin;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.plugin.Variant;

/** The config keys of a variant, read from its class the way the config mapper sees it. */
public final class VariantDocs {
    private VariantDocs() {}

    /**
     * One key of a variant's section.
     *
     * @param name the YAML key
     * @param type its Java type, simply named
     * @param defaultValue the default as YAML would show it, or empty when there is none
     * @param description from {@code @JsonPropertyDescription}, or empty
     */
    public record Key(String name, String type, String defaultValue, String description) {}

    /** The keys of {@code variant}'s section (besides {@code type}), in declaration order. */
    public static List<Key> keys(ObjectMapper mapper, Variant variant) {
        return keys(mapper, variant.implementation());
    }

    /** The keys of a config section bound to {@code section} (a core section such as the trainer's), in order. */
    public static List<Key> keys(ObjectMapper mapper, Class<?> section) {
        JavaType type = mapper.constructType(section);
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        JsonNode defaults = defaults(mapper, section);
        List<Key> keys = new ArrayList<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.couldDeserialize()) {
                continue;
            }
            JsonNode value = defaults == null ? null : defaults.get(p.getName());
            String description = p.getMetadata().getDescription();
            keys.add(new Key(p.getName(), p.getPrimaryType().getRawClass().getSimpleName(),
                    value == null || value.isNull() ? "" : value.toString(),
                    description == null ? "" : description));
        }
        return keys;
    }

    private static JsonNode defaults(ObjectMapper mapper, Class<?> implementation) {
        try {
            return mapper.valueToTree(implementation.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null; // no default constructor: defaults unknown
        }
    }
}
