package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.plugin.SectionDefault;

/**
 * Fills the sections that have a default variant from the defaults plugins declared, before binding:
 * a missing section becomes the default; a section without {@code type:} (for example made by one
 * {@code --set trainer.generator_optimizer.lr=0.001}) is merged into it, its own keys winning. A
 * section with {@code type:} stands as written, and one left empty ({@code key:}) keeps its error. A scalar
 * kind ({@code engine: mxnet}) is a word, not a section: a missing one becomes the default's name.
 */
final class DefaultedSections {
    /** Where the defaulted sections sit in a config, and their kind; the core names no variant for them. */
    static final Map<JsonPointer, Class<?>> SECTIONS = sections();

    /** Kinds written as one word (the name of the variant) rather than a section with {@code type:}. */
    static final java.util.Set<Class<?>> SCALAR_KINDS = java.util.Set.of(GanEngine.class);

    private final ObjectMapper mapper;
    private final Map<Class<?>, SectionDefault> defaults;

    DefaultedSections(ObjectMapper mapper, Map<Class<?>, SectionDefault> defaults) {
        this.mapper = mapper;
        this.defaults = defaults;
    }

    private static Map<JsonPointer, Class<?>> sections() {
        Map<JsonPointer, Class<?>> sections = new LinkedHashMap<>();
        sections.put(JsonPointer.compile("/trainer/generator_optimizer"), OptimizerSpec.class);
        sections.put(JsonPointer.compile("/trainer/discriminator_optimizer"), OptimizerSpec.class);
        sections.put(JsonPointer.compile("/engine"), GanEngine.class);
        return Map.copyOf(sections);
    }

    /** Fills every defaulted section of {@code root} whose kind has a declared default. */
    void fill(ObjectNode root) {
        SECTIONS.forEach((pointer, kind) -> {
            SectionDefault declared = defaults.get(kind);
            if (declared != null) {
                fill(root, pointer, declared);
            }
        });
    }

    private void fill(ObjectNode root, JsonPointer pointer, SectionDefault declared) {
        ObjectNode parent = parentOf(root, pointer.head());
        if (parent == null) {
            return; // a parent that is not a section: binding reports it
        }
        String name = pointer.last().getMatchingProperty();
        JsonNode given = parent.get(name);
        if (SCALAR_KINDS.contains(declared.kind())) {
            if (given == null) {
                parent.put(name, declared.variant());
            }
            return;
        }
        if (given == null) {
            parent.set(name, defaultSection(declared));
        } else if (given instanceof ObjectNode section && !section.has("type")) {
            ObjectNode merged = defaultSection(declared);
            merged.setAll(section);
            parent.set(name, merged);
        }
    }

    private ObjectNode defaultSection(SectionDefault declared) {
        ObjectNode section = mapper.createObjectNode();
        section.put("type", declared.variant());
        section.setAll((ObjectNode) mapper.valueToTree(declared.settings()));
        return section;
    }

    /** The object at {@code pointer}, made where missing; null where something else stands there. */
    private static ObjectNode parentOf(ObjectNode root, JsonPointer pointer) {
        ObjectNode node = root;
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            String key = p.getMatchingProperty();
            JsonNode child = node.get(key);
            if (child == null) {
                child = node.putObject(key);
            }
            if (!(child instanceof ObjectNode object)) {
                return null;
            }
            node = object;
        }
        return node;
    }
}
