package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and value of a config was written (file, line, column), looked up by JSON pointer,
 * so errors found after the YAML became a tree (binding, overrides) still point at the source.
 */
final class SourceMap {
    private final Map<String, String> keyLocations = new HashMap<>();
    private final Map<String, String> valueLocations = new HashMap<>();
    private final String fileLabel;

    private SourceMap(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    /** Reads the positions of every key and value in {@code yaml}. */
    static SourceMap of(String fileLabel, String yaml, YAMLFactory factory) throws IOException {
        SourceMap map = new SourceMap(fileLabel);
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken token;
            int depth = 0;
            boolean rootDone = false;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    rootDone = --depth == 0;
                    continue;
                }
                String where = map.format(parser.currentTokenLocation());
                if (depth == 0 && rootDone) {
                    // `---` starts another document, which Jackson would silently drop or call a trailing token.
                    throw new ConfigException(where, "", "a second YAML document starts at line "
                            + parser.currentTokenLocation().getLineNr() + " (after '---'); one YAML document is "
                            + "accepted per config file: merge them, or put the second in its own file");
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (depth == 0 && token != JsonToken.FIELD_NAME) {
                    rootDone = true;
                }
                if (token == JsonToken.FIELD_NAME) {
                    map.keyLocations.put(parser.getParsingContext().pathAsPointer().toString(), where);
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // A container's own pointer belongs to its parent context.
                    String pointer = parser.getParsingContext().getParent() == null
                            ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                    map.valueLocations.putIfAbsent(pointer, where);
                } else {
                    map.valueLocations.put(parser.getParsingContext().pathAsPointer().toString(), where);
                }
            }
        }
        return map;
    }

    /** Records that the value at {@code pointer} came from somewhere else (a command-line override). */
    void override(String pointer, String label) {
        for (Map<String, String> m : List.of(keyLocations, valueLocations)) {
            m.keySet().removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
            m.put(pointer, label);
        }
    }

    /**
     * Where a problem with the section at {@code pointer} as a whole is to be blamed: the {@code --set}
     * overrides that changed it when there are any (they, not the file, made it what it is), else the
     * section's position.
     */
    String locateSection(JsonPointer pointer) {
        String at = pointer.toString();
        java.util.Set<String> overrides = new java.util.TreeSet<>();
        for (Map.Entry<String, String> e : valueLocations.entrySet()) {
            if ((e.getKey().equals(at) || e.getKey().startsWith(at + "/")) && e.getValue().startsWith("--set ")) {
                overrides.add(e.getValue());
            }
        }
        return overrides.isEmpty() ? locate(pointer) : String.join(", ", overrides);
    }

    /** Forgets the positions at and under {@code pointer} (a value that another file replaces). */
    void dropUnder(String pointer) {
        for (Map<String, String> m : List.of(keyLocations, valueLocations)) {
            m.keySet().removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
        }
    }

    /** Takes every position of {@code other} (a file merged on top of this one), keeping this label. */
    void absorb(SourceMap other) {
        keyLocations.putAll(other.keyLocations);
        valueLocations.putAll(other.valueLocations);
    }

    /** Relabels as {@code label} (the top file of an extends chain). */
    SourceMap relabel(String label) {
        SourceMap copy = new SourceMap(label);
        copy.absorb(this);
        return copy;
    }

    /** Where the value at {@code pointer} was written, or its nearest written ancestor. */
    String locate(JsonPointer pointer) {
        return find(pointer, valueLocations, keyLocations);
    }

    /** Where the key at {@code pointer} was written (for unknown keys), or its nearest written ancestor. */
    String locateKey(JsonPointer pointer) {
        return find(pointer, keyLocations, valueLocations);
    }

    private String find(JsonPointer pointer, Map<String, String> first, Map<String, String> second) {
        JsonPointer p = pointer;
        while (p != null) {
            String found = first.getOrDefault(p.toString(), second.get(p.toString()));
            if (found != null) {
                return found;
            }
            p = p.head();
        }
        return fileLabel;
    }

    String fileLabel() {
        return fileLabel;
    }

    private String format(JsonLocation location) {
        return fileLabel + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }
}
