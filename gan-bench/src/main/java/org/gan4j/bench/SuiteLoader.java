package org.gan4j.bench;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gan4j.api.plugin.Variant;
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
 * <p>Every member is validated with the framework's {@link ConfigLoader} before anything runs; a key or
 * value it rejects is an error naming the suite file, the line of the axis and the key.
 */
public final class SuiteLoader {
    static final Set<String> KEYS = Set.of("name", "description", "base", "set", "matrix", "metrics", "seed_key");
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
        String text = read(file);
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new ConfigException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()), "",
                    "malformed YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ConfigException(file.toString(), "", "a suite is a mapping with the keys " + new TreeSet<>(KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(at(file, text, key), "", "unknown key '" + key + "'; accepted keys: "
                        + new TreeSet<>(KEYS));
            }
        }
        String name = root.has("name") ? root.get("name").asText() : baseName(file);
        String description = root.has("description") ? root.get("description").asText() : "";
        Path dir = file.toAbsolutePath().getParent();
        List<Path> bases = new ArrayList<>();
        JsonNode base = root.get("base");
        if (base == null || base.isNull() || (base.isArray() && base.isEmpty())) {
            throw new ConfigException(file.toString(), "base", "missing; name the experiment file(s) the members "
                    + "start from, e.g. base: ../examples/ring8.yaml");
        }
        for (JsonNode b : base.isArray() ? base : List.of(base)) {
            if (!b.isTextual() || b.asText().isBlank()) {
                throw new ConfigException(at(file, text, "base"), "base", "expected a file path or a list of them, got " + b);
            }
            Path p = dir.resolve(b.asText()).normalize();
            if (!Files.isRegularFile(p)) {
                throw new ConfigException(at(file, text, "base"), "base", b.asText() + ": no such file (" + p + ")");
            }
            bases.add(p);
        }
        List<String> set = new ArrayList<>();
        JsonNode fixed = root.get("set");
        if (fixed != null && !fixed.isNull()) {
            if (!fixed.isObject()) {
                throw new ConfigException(at(file, text, "set"), "set", "expected a mapping of key.path: value");
            }
            fixed.fields().forEachRemaining(e -> set.add(e.getKey() + "=" + compact(e.getValue())));
        }
        set.addAll(extraSet);
        List<Suite.Axis> axes = new ArrayList<>();
        JsonNode matrix = root.get("matrix");
        if (matrix != null && !matrix.isNull()) {
            if (!matrix.isObject()) {
                throw new ConfigException(at(file, text, "matrix"), "matrix", "expected a mapping of key.path: [values]");
            }
            int matrixLine = lineOf(text, "matrix", 0);
            for (Iterator<Map.Entry<String, JsonNode>> it = matrix.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                axes.add(axis(file, text, matrixLine, e.getKey(), e.getValue()));
            }
        }
        List<Suite.MetricSpec> metrics = new ArrayList<>();
        JsonNode m = root.get("metrics");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) {
                throw new ConfigException(at(file, text, "metrics"), "metrics",
                        "expected a mapping of metric name: max or min, e.g. modes_captured: max");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String dirWord = e.getValue().asText();
                if (!dirWord.equals("max") && !dirWord.equals("min")) {
                    throw new ConfigException(at(file, text, e.getKey()), "metrics." + e.getKey(),
                            "expected max or min (which direction is better), got '" + dirWord + "'");
                }
                metrics.add(new Suite.MetricSpec(e.getKey(), dirWord.equals("max")));
            }
        }
        String seedKey = root.has("seed_key") ? root.get("seed_key").asText() : "seed";
        return new Suite(file, name, description, bases, set, axes, metrics, seedKey);
    }

    private Suite.Axis axis(Path file, String text, int matrixLine, String key, JsonNode node) {
        int line = lineOf(text, key, matrixLine);
        String where = file + ":" + line;
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
        return new Suite.Axis(key, values, line);
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
                    where = suite.file() + ":" + axis.line();
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
        String where = suite.file() + ":" + axis.line();
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
        return new Suite.Axis(axis.key(), values, axis.line());
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "no such suite file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot be read (" + e + ")");
        }
    }

    /** {@code file:line} of the first line at or after {@code from} that writes {@code key:}. */
    private static String at(Path file, String text, String key) {
        int line = lineOf(text, key, 0);
        return line > 0 ? file + ":" + line : file.toString();
    }

    static int lineOf(String text, String key, int from) {
        String[] lines = text.split("\n", -1);
        Pattern p = Pattern.compile("^\\s*(-\\s*)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return from;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
