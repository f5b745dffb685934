package org.gan4j.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a config file and the files it {@code extends:} into one tree, remembering for every value the
 * file and line it was written at.
 *
 * <p>Merge rules: {@code extends: base.yaml} or a list (merged in order, later ones win), paths relative
 * to the file that names them; the file itself is merged last. Mappings merge key by key, recursively;
 * lists and single values are replaced whole; a section whose {@code type:} differs from the base's is
 * replaced whole (the base's keys belong to another variant). Cycles are an error naming the chain.
 */
final class ConfigComposer {
    static final String EXTENDS = "extends";
    private final ObjectMapper mapper;

    ConfigComposer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A composed tree and where each value came from. */
    record Document(ObjectNode tree, SourceMap sources) {}

    Document read(Path file) {
        Document doc = read(file, new ArrayDeque<>(), null);
        return new Document(doc.tree(), doc.sources().relabel(file.toString()));
    }

    private Document read(Path file, Deque<Path> chain, String namedAt) {
        Path key = file.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            List<Path> cycle = new ArrayList<>(chain);
            java.util.Collections.reverse(cycle);
            cycle.add(key);
            throw new ConfigException(namedAt, EXTENDS, "extends cycle: "
                    + cycle.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> ")));
        }
        String label = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(namedAt == null ? label : namedAt, namedAt == null ? "" : EXTENDS,
                    (namedAt == null ? "" : file + ": ") + "is a folder; expected a YAML file");
        }
        String text = read(file, namedAt);
        JsonNode tree;
        SourceMap sources;
        try {
            sources = SourceMap.of(label, text, (YAMLFactory) mapper.getFactory());
            // A key written twice in one mapping would silently keep only the last value.
            tree = YamlTrees.read(mapper, text, true);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? label
                    : label + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("Duplicate field '")) {
                String name = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
                throw new ConfigException(where, "", "duplicate key '" + name + "': a key may appear only once "
                        + "in a section (the later value would silently replace the earlier one); remove one");
            }
            String problem = yamlProblem(e);
            if (problem.contains("\\t(TAB)")) {
                // SnakeYAML marks the end of the line before; point at the tab itself.
                int tab = firstIndentingTab(text);
                if (tab >= 0) {
                    int line = (int) text.substring(0, tab).chars().filter(c -> c == '\n').count() + 1;
                    int column = tab - text.lastIndexOf('\n', tab - 1);
                    where = label + ":" + line + ":" + column;
                }
                problem = "a tab character; YAML indents with spaces only";
            }
            throw new ConfigException(where, "", "malformed YAML: " + problem);
        } catch (IOException e) {
            throw new ConfigException(label, "", "cannot be read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(label, "", "the file is empty; expected the sections "
                    + "data, model and loss (and optionally seed, latent, trainer, eval, checkpoint, output)");
        }
        if (!tree.isObject()) {
            throw new ConfigException(label + ":1:1", "", "the top level must be a mapping of sections "
                    + "(data:, model:, loss:, ...), got " + (tree.isArray() ? "a list" : "the single value '" + tree.asText() + "'"));
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode bases = object.remove(EXTENDS);
        if (bases == null) {
            return new Document(object, sources);
        }
        chain.push(key);
        Document merged = null;
        List<JsonNode> list = new ArrayList<>();
        if (bases.isArray()) {
            bases.forEach(list::add);
        } else {
            list.add(bases);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonPointer at = JsonPointer.compile("/" + EXTENDS + (bases.isArray() ? "/" + i : ""));
            String where = sources.locate(at);
            if (!entry.isTextual() || entry.asText().isBlank()) {
                throw new ConfigException(where, EXTENDS, "expected a file path or a list of them, got " + entry);
            }
            Path base = key.getParent().resolve(entry.asText()).normalize();
            Document doc = read(base, chain, where);
            merged = merged == null ? doc : merge(merged, doc);
        }
        chain.pop();
        return merge(merged, new Document(object, sources));
    }

    /** {@code top} merged onto {@code base}; both are consumed. */
    private static Document merge(Document base, Document top) {
        mergeInto(base.tree(), top.tree(), JsonPointer.empty(), base.sources());
        base.sources().absorb(top.sources());
        return base;
    }

    private static void mergeInto(ObjectNode base, ObjectNode top, JsonPointer at, SourceMap baseSources) {
        Iterator<Map.Entry<String, JsonNode>> fields = top.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonPointer p = at.appendProperty(field.getKey());
            JsonNode existing = base.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode b && value instanceof ObjectNode t && sameVariant(b, t)) {
                mergeInto(b, t, p, baseSources);
            } else {
                baseSources.dropUnder(p.toString());
                base.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean sameVariant(ObjectNode base, ObjectNode top) {
        JsonNode a = base.get("type");
        JsonNode b = top.get("type");
        return a == null || b == null || a.equals(b);
    }

    static String read(Path file, String namedAt) {
        String where = namedAt == null ? file.toString() : namedAt;
        String what = namedAt == null ? "" : file + ": ";
        try {
            return BoundedTextFile.readUtf8(file, BoundedTextFile.CONFIG_LIMIT);
        } catch (NoSuchFileException e) {
            throw new ConfigException(where, namedAt == null ? "" : EXTENDS, what + "no such file");
        } catch (BoundedTextFile.RefusedException e) {
            throw new ConfigException(where, namedAt == null ? "" : EXTENDS, what + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(where, namedAt == null ? "" : EXTENDS, what + "cannot be read (" + e + ")");
        }
    }

    /**
     * What the YAML parser found wrong, without its multi-line excerpt: the problem, and the construct
     * it was reading with the line it started at, e.g. {@code expected ',' or ']', but got <stream end>
     * (while parsing a flow sequence that starts at line 7, column 11)}.
     */
    static String yamlProblem(JacksonException e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                String problem = m.getProblem().strip();
                if (problem.endsWith(".")) {
                    problem = problem.substring(0, problem.length() - 1);
                }
                Mark at = m.getContextMark();
                Mark problemAt = m.getProblemMark();
                if (m.getContext() == null) {
                    return problem;
                }
                boolean elsewhere = at != null && (problemAt == null || at.getLine() != problemAt.getLine()
                        || at.getColumn() != problemAt.getColumn());
                return problem + " (" + m.getContext().strip() + (elsewhere
                        ? " that starts at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) : "") + ")";
            }
        }
        return firstLine(e.getOriginalMessage());
    }

    /** Offset of the first tab among a line's leading whitespace, or -1. */
    private static int firstIndentingTab(String text) {
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                leading = true;
            } else if (c == '\t' && leading) {
                return i;
            } else if (c != ' ') {
                leading = false;
            }
        }
        return -1;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
