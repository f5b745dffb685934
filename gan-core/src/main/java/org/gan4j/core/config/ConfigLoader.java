package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gan4j.api.plugin.SectionDefault;
import org.gan4j.api.plugin.Variant;

/**
 * Reads an experiment: YAML text, then {@code --set key.path=value} overrides, then strict binding
 * to {@link ExperimentConfig}. Every failure becomes a {@link ConfigException} naming the file,
 * line, key, the bad value and what is accepted.
 */
public final class ConfigLoader {
    private final ObjectMapper mapper;
    private final Map<Class<?>, List<String>> namesByKind;
    private final DefaultedSections defaulted;

    /** A loader whose defaulted sections have no default (they must be written out). */
    public ConfigLoader(ObjectMapper mapper, Collection<Variant> variants) {
        this(mapper, variants, Map.of());
    }

    /** A loader that fills defaulted sections from {@code defaults}, the variants plugins declared per kind. */
    public ConfigLoader(ObjectMapper mapper, Collection<Variant> variants, Map<Class<?>, SectionDefault> defaults) {
        this.mapper = mapper;
        this.defaulted = new DefaultedSections(mapper, defaults);
        this.namesByKind = variants.stream().collect(Collectors.groupingBy(
                Variant::kind, Collectors.mapping(Variant::name,
                        Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), List::copyOf))));
    }

    /**
     * A bound config (extends merged, overrides applied, validated) and the file it was loaded from; the
     * resolved form a run saves is {@link #toYaml} of {@code config}, and relative paths resolve against {@code file}.
     */
    public record Loaded(Path file, ExperimentConfig config) {}

    /** Loads {@code file} and applies overrides of the form {@code a.b.c=value}. */
    public Loaded load(Path file, List<String> overrides) {
        ConfigComposer.Document doc = new ConfigComposer(mapper).read(file);
        for (String override : overrides) {
            apply(doc.tree(), override, doc.sources());
        }
        return new Loaded(file, bind(doc.tree(), doc.sources()));
    }

    /**
     * Reads a YAML file that is not an experiment (a bench suite) and binds it strictly to {@code type} with
     * this loader's rules: snake_case keys, unknown keys and nulls rejected, every error as
     * {@code file:line:column: key: message}. The result keeps the positions for checks made after binding.
     */
    public <T> BoundYaml<T> bindFile(Path file, Class<T> type) {
        BoundYaml.Parsed parsed = BoundYaml.parse(file, mapper);
        JsonNode tree = parsed.tree();
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            List<String> keys = mapper.getDeserializationConfig().introspect(mapper.constructType(type))
                    .findProperties().stream().map(p -> p.getName()).sorted().toList();
            throw new ConfigException(file.toString(), "", "the file is empty; expected a mapping with the keys "
                    + keys);
        }
        try {
            return new BoundYaml<>(file, mapper.treeToValue(tree, type), tree, parsed.sources());
        } catch (JsonMappingException e) {
            throw translate(e, parsed.sources(), tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "", e.getOriginalMessage());
        }
    }

    /** Writes the bound config back as YAML, every default filled in. */
    public String toYaml(ExperimentConfig config) {
        try {
            return mapper.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved config: " + e.getMessage(), e);
        }
    }

    private ExperimentConfig bind(JsonNode tree, SourceMap sources) {
        if (tree instanceof ObjectNode root) {
            defaulted.fill(root); // after the overrides, so one overridden key merges into the default
        }
        ExperimentConfig config;
        try {
            config = mapper.treeToValue(tree, ExperimentConfig.class);
        } catch (JsonMappingException e) {
            throw translate(e, sources, tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException(sources.fileLabel(), "", e.getOriginalMessage());
        }
        refuseNonFinite(tree, JsonPointer.empty(), "", sources);
        requireSection(config.getData() != null, "data", org.gan4j.api.data.DataSource.class, sources);
        requireSection(config.getModel() != null, "model", org.gan4j.api.model.Architecture.class, sources);
        requireSection(config.getLoss() != null, "loss", org.gan4j.api.loss.AdversarialLoss.class, sources);
        // filled from a plugin's default unless no plugin declared one
        requireSection(config.getTrainer().getGeneratorOptimizer() != null, "trainer.generator_optimizer",
                org.gan4j.api.optim.OptimizerSpec.class, sources);
        requireSection(config.getTrainer().getDiscriminatorOptimizer() != null, "trainer.discriminator_optimizer",
                org.gan4j.api.optim.OptimizerSpec.class, sources);
        EngineChoice.check(config, sources);
        validateTogether(config, sources);
        PackingCheck.check(config, tree, sources);
        MemoryFit.check(config, sources, MemoryFit.Limits.current());
        return config;
    }

    /**
     * A {@code .nan}/{@code .inf} that a setter did not check itself: no setting of gan4j accepts one, so
     * it is out of range wherever it is written.
     */
    private static void refuseNonFinite(JsonNode node, JsonPointer at, String key, SourceMap sources) {
        if (YamlTrees.isNonFinite(node)) {
            throw outOfRange(sources.locate(at), key, node, "expected a finite number");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> refuseNonFinite(f.getValue(), at.appendProperty(f.getKey()),
                    key.isEmpty() ? f.getKey() : key + "." + f.getKey(), sources));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNonFinite(node.get(i), at.appendIndex(i), key + "[" + i + "]", sources);
            }
        }
    }

    private static ConfigException outOfRange(String where, String key, JsonNode value, String accepted) {
        return new ConfigException(where, key, "'" + YamlTrees.yamlText(value.doubleValue()) + "' is out of range for "
                + key + ": " + accepted);
    }

    /** Runs {@link Validated#validate()} of every section that checks its settings together. */
    private static void validateTogether(ExperimentConfig config, SourceMap sources) {
        java.util.Map<String, Object> sections = new java.util.LinkedHashMap<>();
        sections.put("data", config.getData());
        sections.put("model", config.getModel());
        sections.put("loss", config.getLoss());
        sections.put("trainer.generator_optimizer", config.getTrainer().getGeneratorOptimizer());
        sections.put("trainer.discriminator_optimizer", config.getTrainer().getDiscriminatorOptimizer());
        sections.put("trainer.generator_lr_schedule", config.getTrainer().getGeneratorLrSchedule());
        sections.put("trainer.discriminator_lr_schedule", config.getTrainer().getDiscriminatorLrSchedule());
        for (int i = 0; i < config.getEval().getMetrics().size(); i++) {
            sections.put("eval.metrics[" + i + "]", config.getEval().getMetrics().get(i));
        }
        for (int i = 0; i < config.getRegularizers().size(); i++) {
            org.gan4j.api.regularizer.Regularizer r = config.getRegularizers().get(i);
            sections.put("regularizers[" + i + "]", r);
            if (r.every() < 1) { // lazy regularization: every N-th update, N counted from 1
                throw new ConfigException(sources.locate(JsonPointer.compile("/regularizers/" + i + "/every")),
                        "regularizers[" + i + "].every", r.every() + " is not allowed; use a whole number >= 1 "
                        + "(1: every update, N: every N-th update with the term scaled by N)");
            }
        }
        sections.forEach((key, section) -> {
            if (section instanceof org.gan4j.api.config.Validated v) {
                try {
                    v.validate();
                } catch (IllegalArgumentException e) {
                    String pointer = "/" + key.replace('.', '/').replace("[", "/").replace("]", "");
                    throw new ConfigException(sources.locate(JsonPointer.compile(pointer)), key, e.getMessage());
                }
            }
        });
    }

    private void requireSection(boolean present, String key, Class<?> kind, SourceMap sources) {
        if (!present) {
            throw new ConfigException(sources.fileLabel(), key,
                    "missing; add a '" + key + ":' section with 'type:' one of " + names(kind));
        }
    }

    private List<String> names(Class<?> kind) {
        return namesByKind.getOrDefault(kind, List.of());
    }

    private ConfigException translate(JsonMappingException e, SourceMap sources, JsonNode tree) {
        List<JsonMappingException.Reference> path = e.getPath();
        String key = dotted(path);
        JsonPointer pointer = pointer(path);
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return new ConfigException(sources.locateKey(pointer), dotted(path.subList(0, path.size() - 1)),
                    "unknown key '" + u.getPropertyName() + "'; accepted keys here: " + known);
        }
        if (e instanceof InvalidTypeIdException t) {
            JavaType base = t.getBaseType();
            List<String> accepted = base == null ? List.of() : names(base.getRawClass());
            JsonPointer typePointer = pointer.append(JsonPointer.compile("/type"));
            if (t.getTypeId() == null) {
                JsonNode given = tree.at(pointer);
                if (given.isValueNode() && !given.asText().isEmpty()) {
                    // `loss: minimax` instead of `loss: {type: minimax}`
                    return new ConfigException(sources.locate(pointer), key, "must be a section with 'type:', "
                            + "e.g. " + (key.isEmpty() || key.endsWith("]") ? "" : lastSegment(key) + ": ") + "{type: " + given.asText()
                            + "}, got the single value '" + given.asText() + "'; registered types: " + accepted);
                }
                return new ConfigException(sources.locate(pointer), key,
                        "needs 'type:', one of " + accepted);
            }
            return new ConfigException(sources.locate(typePointer), key.isEmpty() ? "type" : key + ".type",
                    "unknown type '" + t.getTypeId() + "'; registered: " + accepted
                            + registeredElsewhere(t.getTypeId(), base == null ? null : base.getRawClass()));
        }
        JsonNode bad = tree.at(pointer);
        if (YamlTrees.isNonFinite(bad)) {
            Throwable cause = rootCause(e);
            String accepted = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage().replaceFirst(", got .*$", "")
                    : "expected " + (e instanceof MismatchedInputException m ? describe(m.getTargetType()) : "a finite number");
            return outOfRange(sources.locate(pointer), key, bad, accepted);
        }
        // YAML reads `key:` with nothing after it as null, or as "" at the end of a document.
        if (e instanceof InvalidNullException || bad.isNull() || (bad.isTextual() && bad.asText().isEmpty())) {
            return new ConfigException(sources.locate(pointer), key,
                    "has no value; give a value or remove the key to use the default");
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(sources.locate(pointer), key,
                    "'" + f.getValue() + "' is not " + describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getCause() == null) {
            return new ConfigException(sources.locate(pointer), key,
                    "expected " + describe(m.getTargetType()) + ", got " + describeValue(bad));
        }
        Throwable cause = rootCause(e);
        String problem = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                ? cause.getMessage() : firstLine(e.getOriginalMessage());
        return new ConfigException(sources.locate(pointer), key, problem);
    }

    /** The sections each kind of variant is written in, for a type placed under the wrong one. */
    private static final Map<String, String> SECTION_OF_KIND = Map.of(
            "AdversarialLoss", "loss:", "Regularizer", "regularizers: [{type: ...}]", "Architecture", "model:",
            "DataSource", "data:", "Metric", "eval.metrics: [{type: ...}]",
            "OptimizerSpec", "trainer.generator_optimizer: or trainer.discriminator_optimizer:",
            "ConditionalTask", "task:");

    /** "; 'x' is a Regularizer: it goes under regularizers: ..." when {@code typeId} is another kind's variant. */
    private String registeredElsewhere(String typeId, Class<?> expected) {
        for (Map.Entry<Class<?>, List<String>> e : namesByKind.entrySet()) {
            if (e.getKey() != expected && e.getValue().contains(typeId)) {
                String kind = e.getKey().getSimpleName();
                String section = SECTION_OF_KIND.get(kind);
                String article = "AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
                return "; '" + typeId + "' is " + article + kind + (section == null ? "" : ": it goes under " + section);
            }
        }
        return "";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of the accepted words";
        }
        return "a mapping (key: value section)";
    }

    /** A value as a user wrote it, for "expected X, got Y". */
    private static String describeValue(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping " + abbreviate(node.toString());
        }
        if (node.isArray()) {
            return "a list " + abbreviate(node.toString());
        }
        return "'" + abbreviate(node.asText()) + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String lastSegment(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : dotted.substring(dot + 1);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                p = p.appendProperty(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p = p.appendIndex(r.getIndex());
            }
        }
        return p;
    }

    /** Applies one {@code a.b.c=value} override; the value is read as YAML (numbers, booleans, lists). */
    private void apply(ObjectNode root, String override, SourceMap sources) {
        String label = "--set " + override;
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(label, "", "expected key.path=value, e.g. trainer.steps=500");
        }
        String keyPath = override.substring(0, eq).trim();
        String rawValue = override.substring(eq + 1);
        JsonNode value;
        try {
            value = rawValue.isBlank() ? TextNode.valueOf("") : YamlTrees.read(mapper, rawValue, false);
        } catch (java.io.IOException e) {
            if (!(e instanceof JsonProcessingException p)) {
                throw new ConfigException(label, keyPath, "the value cannot be read: " + e.getMessage());
            }
            throw new ConfigException(label, keyPath, "the value is not valid YAML: " + ConfigComposer.yamlProblem(p)
                    + "; quote it or write it as in a YAML file, e.g. --set model.hidden=[64,64]");
        }
        String[] parts = keyPath.split("\\.");
        List<String> walked = new ArrayList<>();
        JsonNode node = root;
        JsonPointer pointer = JsonPointer.empty();
        // The first key the override adds: everything below it comes from the override, not the file.
        JsonPointer created = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new ConfigException(label, keyPath, "empty key segment");
            }
            boolean last = i == parts.length - 1;
            walked.add(part);
            if (node instanceof ArrayNode array) {
                int index = parseIndex(part, array.size(), label, keyPath);
                pointer = pointer.appendIndex(index);
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else if (node instanceof ObjectNode object) {
                pointer = pointer.appendProperty(part);
                if (last) {
                    if (created == null && object.get(part) == null) {
                        created = pointer;
                    }
                    object.set(part, value);
                } else {
                    JsonNode child = object.get(part);
                    if (child == null || child.isNull()) {
                        child = object.putObject(part);
                        if (created == null) {
                            created = pointer;
                        }
                    }
                    node = child;
                }
            } else {
                throw new ConfigException(label, String.join(".", walked.subList(0, walked.size() - 1)),
                        "is a single value, so it has no key '" + part + "'");
            }
        }
        sources.override((created != null ? created : pointer).toString(), label);
    }

    private static int parseIndex(String part, int size, String label, String keyPath) {
        try {
            int index = Integer.parseInt(part);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new ConfigException(label, keyPath,
                "'" + part + "' is not an index of this list; expected 0.." + (size - 1));
    }
}
