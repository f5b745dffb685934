package org.gan4j.bench;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gan4j.api.plugin.Variant;
import org.gan4j.core.config.BoundYaml;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.ConfigLoader;

/**
 * Reads a suite file and expands it into validated {@link Member}s.
 *
 * <pre>
 * name: mixtures                     # default: the file name
 * description: free text for the report
 * base: mixtures/pacgan.yaml         # or a list: each base is one more axis ("base"); relative to this file
 * set:                               # overrides for every member (bench --set adds more)
 *   trainer.steps: 2000
 * matrix:                            # the members are the cartesian product (times the bases)
 *   data: [ring, grid]               # a word for a section (data, model, loss, ...) means {type: word}
 *   loss.type: ["*"]                 # "*": every registered variant of that kind
 *   model.hidden: {small: [128, 128], big: [400, 400, 400, 400]}   # a mapping names the values
 *   seed: [1, 2, 3]                  # the seed axis: repetitions of one variant
 * metrics:                           # compared metrics, each max or min; the first picks the best seed
 *   modes_captured: max
 *   mode_reverse_kl: min
 * seed_key: seed                     # default seed
 * </pre>
 *
 * <p>The file is bound strictly to {@link SuiteFile} by the framework's {@link ConfigLoader}: an unknown key
 * or a value of the wrong kind is an error with the suite file's line and column. Every member is validated
 * with the same loader before anything runs; a key or value it rejects is an error naming the suite file,
 * the line and column of the axis and the key.
 */
public final class SuiteLoader {
    private static final JsonPointer BASE = JsonPointer.compile("/base");
    private static final JsonPointer MATRIX = JsonPointer.compile("/matrix");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._=+-]");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigLoader configLoader;
    private final List<Variant> variants;

    public SuiteLoader(ConfigLoader configLoader, List<Variant> variants) {
        this.configLoader = configLoader;
        this.variants = List.copyOf(variants);
    }

    /** The suite file parsed and checked for its own structure (not yet against the experiments). */
    public Suite parse(Path file, List<String> extraSet) {
        BoundYaml<SuiteFile> bound = configLoader.bindFile(file, SuiteFile.class);
        SuiteFile written = bound.value();
        requireText(bound, "name", written.getName());
        requireText(bound, "seed_key", written.getSeedKey());
        String name = written.getName() != null ? written.getName() : baseName(file);
        Path dir = file.toAbsolutePath().getParent();
        if (written.getBase().isEmpty()) {
            throw new ConfigException(file.toString(), "base", "missing; name the experiment file(s) the members "
                    + "start from, e.g. base: ../examples/ring8.yaml");
        }
        boolean baseList = bound.tree().path("base").isArray();
        List<Path> bases = new ArrayList<>();
        for (int i = 0; i < written.getBase().size(); i++) {
            String b = written.getBase().get(i);
            String where = bound.valueAt(baseList ? BASE.appendIndex(i) : BASE);
            if (b.isBlank()) {
                throw new ConfigException(where, "base", "expected a file path or a list of them, got '" + b + "'");
            }
            Path p = dir.resolve(b).normalize();
            if (!Files.isRegularFile(p)) {
                throw new ConfigException(where, "base", b + ": no such file (" + p + ")");
            }
            bases.add(p);
        }
        List<String> set = new ArrayList<>();
        written.getSet().forEach((key, value) -> set.add(key + "=" + compact(value)));
        set.addAll(extraSet);
        List<Suite.Axis> axes = new ArrayList<>();
        written.getMatrix().forEach((key, values) ->
                axes.add(axis(bound.keyAt(MATRIX.appendProperty(key)), key, values)));
        List<Suite.MetricSpec> metrics = new ArrayList<>();
        written.getMetrics().forEach((metric, direction) ->
                metrics.add(new Suite.MetricSpec(metric, direction == SuiteFile.Direction.MAX)));
        return new Suite(file, name, written.getDescription(), bases, set, axes, metrics, written.getSeedKey());
    }

    /** YAML reads {@code key:} with nothing after it as an empty text, which binding accepts. */
    private static void requireText(BoundYaml<?> bound, String key, String value) {
        if (value != null && value.isBlank()) {
            throw new ConfigException(bound.valueAt(JsonPointer.compile("/" + key)), key,
                    "has no value; give a value or remove the key to use the default");
        }
    }

    private Suite.Axis axis(String where, String key, JsonNode node) {
        if (key.isBlank() || key.startsWith(".") || key.endsWith(".")) {
            throw new ConfigException(where, "matrix." + key, "expected a dotted config key such as loss.type");
        }
        List<Suite.Value> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode v : node) {
                values.add(new Suite.Value(label(v), v));
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> values.add(new Suite.Value(e.getKey(), e.getValue())));
        } else {
            throw new ConfigException(where, "matrix." + key, "expected a list of values (or a mapping label: value), "
                    + "got " + compact(node) + "; write " + key + ": [" + compact(node) + "] for one value");
        }
        if (values.isEmpty()) {
            throw new ConfigException(where, "matrix." + key, "empty list; give at least one value or remove the key");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Suite.Value v : values) {
            if (v.node().isNull()) {
                throw new ConfigException(where, "matrix." + key, "a value is empty (null)");
            }
            if (!seen.add(v.label())) {
                throw new ConfigException(where, "matrix." + key, "the value '" + v.label() + "' appears twice");
            }
        }
        return new Suite.Axis(key, values, where);
    }

    /** Parses and expands {@code file}, validating every member against the framework before returning. */
    public List<Member> expand(Path file, List<String> extraSet) {
        return expand(parse(file, extraSet));
    }

    /** The suite's members: bases × the matrix's cartesian product, each validated by the config loader. */
    public List<Member> expand(Suite suite) {
        List<Member> members = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        boolean severalBases = suite.bases().size() > 1;
        for (Path base : suite.bases()) {
            JsonNode resolved = resolvedBase(suite, base);
            List<Suite.Axis> axes = new ArrayList<>();
            for (Suite.Axis axis : suite.matrix()) {
                axes.add(expandWildcards(suite, axis, resolved));
            }
            int[] index = new int[axes.size()];
            while (true) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (severalBases) {
                    labels.put("base", baseName(base));
                }
                List<String> overrides = new ArrayList<>(suite.set());
                for (int a = 0; a < axes.size(); a++) {
                    Suite.Axis axis = axes.get(a);
                    Suite.Value v = axis.values().get(index[a]);
                    labels.put(axis.key(), v.label());
                    overrides.add(override(axis.key(), v.node(), resolved));
                }
                members.add(member(suite, base, overrides, labels, ids));
                int a = axes.size() - 1;
                while (a >= 0 && ++index[a] == axes.get(a).values().size()) {
                    index[a] = 0;
                    a--;
                }
                if (a < 0) {
                    break;
                }
            }
        }
        return members;
    }

    private Member member(Suite suite, Path base, List<String> overrides, Map<String, String> labels, Set<String> ids) {
        ConfigLoader.Loaded loaded;
        try {
            loaded = configLoader.load(base, overrides);
        } catch (ConfigException e) {
            throw blame(suite, labels, e);
        }
        StringBuilder id = new StringBuilder();
        StringBuilder variant = new StringBuilder();
        String seedLabel = null;
        for (Map.Entry<String, String> l : labels.entrySet()) {
            String part = l.getKey() + "=" + l.getValue();
            id.append(id.length() == 0 ? "" : "__").append(part);
            if (l.getKey().equals(suite.seedKey())) {
                seedLabel = l.getValue();
            } else {
                variant.append(variant.length() == 0 ? "" : ", ").append(part);
            }
        }
        if (seedLabel == null) {
            seedLabel = Long.toString(loaded.config().getSeed());
        }
        String safe = id.length() == 0 ? "default" : UNSAFE.matcher(id).replaceAll("-");
        if (safe.length() > 120) {
            safe = safe.substring(0, 110) + "-" + Integer.toHexString(id.toString().hashCode());
        }
        String unique = safe;
        for (int n = 2; !ids.add(unique); n++) {
            unique = safe + "-" + n;
        }
        return new Member(unique, base, overrides, labels, variant.length() == 0 ? "all" : variant.toString(),
                seedLabel, loaded.config().getTrainer().targetStep(0));
    }

    /** A loader error re-stated against the suite: which member, and the suite line of the axis at fault. */
    private static ConfigException blame(Suite suite, Map<String, String> labels, ConfigException e) {
        String source = e.source() == null ? "" : e.source();
        String where = suite.file().toString();
        String key = "";
        if (source.startsWith("--set ")) {
            String override = source.substring("--set ".length());
            String overrideKey = override.substring(0, Math.max(0, override.indexOf('=')));
            for (Suite.Axis axis : suite.matrix()) {
                if (axis.key().equals(overrideKey)) {
                    where = axis.source();
                    key = "matrix." + axis.key();
                }
            }
            if (key.isEmpty()) {
                key = "set." + overrideKey;
            }
        }
        return new ConfigException(where, key, "member " + labels + " is not a valid experiment: " + e.getMessage());
    }

    /** The base with the fixed overrides, resolved (every default filled in), as a tree. */
    private JsonNode resolvedBase(Suite suite, Path base) {
        try {
            ConfigLoader.Loaded loaded = configLoader.load(base, suite.set());
            return yaml.readTree(configLoader.toYaml(loaded.config()));
        } catch (ConfigException e) {
            throw new ConfigException(suite.file().toString(), "base", baseName(base) + " with the suite's set: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "*"} in an axis ending in {@code .type}: every registered variant of the kind the base uses there. */
    private Suite.Axis expandWildcards(Suite suite, Suite.Axis axis, JsonNode resolved) {
        if (axis.values().stream().noneMatch(v -> v.node().isTextual() && v.node().asText().equals("*"))) {
            return axis;
        }
        String where = axis.source();
        if (!axis.key().endsWith(".type") && !axis.key().equals("type")) {
            throw new ConfigException(where, "matrix." + axis.key(), "'*' (every registered variant) works only for a "
                    + "'type' key, e.g. loss.type");
        }
        JsonNode current = resolved.at("/" + axis.key().replace('.', '/'));
        Class<?> kind = variants.stream().filter(v -> v.name().equals(current.asText())).map(Variant::kind)
                .findFirst().orElseThrow(() -> new ConfigException(where, "matrix." + axis.key(),
                        "'*': the base's value '" + current.asText() + "' is not a registered variant"));
        List<Suite.Value> values = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Suite.Value v : axis.values()) {
            if (v.node().isTextual() && v.node().asText().equals("*")) {
                for (Variant variant : variants) {
                    if (variant.kind().equals(kind) && seen.add(variant.name())) {
                        values.add(new Suite.Value(variant.name(), TextNode.valueOf(variant.name())));
                    }
                }
            } else if (seen.add(v.label())) {
                values.add(v);
            }
        }
        return new Suite.Axis(axis.key(), values, axis.source());
    }

    /** {@code key=value} for the config loader; a word for a section (a mapping in the base) means {type: word}. */
    private String override(String key, JsonNode value, JsonNode resolved) {
        JsonNode current = resolved.at("/" + key.replace('.', '/'));
        if (value.isTextual() && current.isObject()) {
            ObjectNode typed = json.createObjectNode();
            typed.put("type", value.asText());
            return key + "=" + compact(typed);
        }
        return key + "=" + compact(value);
    }

    /** A short label: scalars as written, lists of scalars joined with 'x', sections by their type. */
    static String label(JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) {
                parts.add(label(e));
            }
            return String.join("x", parts);
        }
        List<String> parts = new ArrayList<>();
        v.fields().forEachRemaining(e -> parts.add(e.getKey().equals("type") ? label(e.getValue())
                : e.getKey() + "-" + label(e.getValue())));
        return String.join("-", parts);
    }

    private String compact(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
