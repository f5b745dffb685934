package org.gan4j.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A YAML file that is not an experiment (a bench suite, say), bound strictly to a type by
 * {@link ConfigLoader#bindFile}, with where each of its keys and values was written, so checks made after
 * binding report {@code file:line:column: key: message} like the experiment loader does.
 *
 * @param <T> the type the file was bound to
 */
public final class BoundYaml<T> {
    private final Path file;
    private final T value;
    private final JsonNode tree;
    private final SourceMap sources;

    BoundYaml(Path file, T value, JsonNode tree, SourceMap sources) {
        this.file = file;
        this.value = value;
        this.tree = tree;
        this.sources = sources;
    }

    public Path file() {
        return file;
    }

    /** The bound value. */
    public T value() {
        return value;
    }

    /** The tree the value was bound from (read-only use: how a value was written, list or single). */
    public JsonNode tree() {
        return tree;
    }

    /** {@code file:line:column} of the value at {@code pointer} (or of its nearest written ancestor). */
    public String valueAt(JsonPointer pointer) {
        return sources.locate(pointer);
    }

    /** {@code file:line:column} of the key at {@code pointer} (or of its nearest written ancestor). */
    public String keyAt(JsonPointer pointer) {
        return sources.locateKey(pointer);
    }

    /** The file's tree and positions; unreadable files and malformed YAML as {@link ConfigException}s. */
    record Parsed(JsonNode tree, SourceMap sources) {}

    static Parsed parse(Path file, ObjectMapper mapper) {
        String label = file.toString();
        String text = ConfigComposer.read(file, null);
        try {
            SourceMap sources = SourceMap.of(label, text, (YAMLFactory) mapper.getFactory());
            // As in experiment files: a key written twice would silently keep only the last value.
            JsonNode tree = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
            return new Parsed(tree, sources);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? label
                    : label + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("Duplicate field '")) {
                String name = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
                throw new ConfigException(where, "", "duplicate key '" + name + "': a key may appear only once "
                        + "in a mapping; remove one");
            }
            throw new ConfigException(where, "", "malformed YAML: " + ConfigComposer.yamlProblem(e));
        } catch (IOException e) {
            throw new ConfigException(label, "", "cannot be read: " + e.getMessage());
        }
    }
}
