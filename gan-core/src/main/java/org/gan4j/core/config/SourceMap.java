package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a config was written (file, line, column), looked up by JSON pointer,
 * so errors found after the YAML became a tree (binding, overrides) still point at the source.
 */
final class SourceMap {
    private final Map<String, String> locations = new HashMap<>();
    private final String fileLabel;

    private SourceMap(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    /** Reads the positions of every key and value in {@code yaml}. */
    static SourceMap of(String fileLabel, String yaml, YAMLFactory factory) throws IOException {
        SourceMap map = new SourceMap(fileLabel);
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // The container's own pointer belongs to its parent context.
                    pointer = parser.getParsingContext().getParent() == null
                            ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                map.locations.putIfAbsent(pointer, map.format(parser.currentTokenLocation()));
            }
        }
        return map;
    }

    /** Records that the value at {@code pointer} came from somewhere else (a command-line override). */
    void override(String pointer, String label) {
        locations.keySet().removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
        locations.put(pointer, label);
    }

    /** The source of the value at {@code pointer}, or of its nearest written ancestor. */
    String locate(JsonPointer pointer) {
        JsonPointer p = pointer;
        while (p != null) {
            String found = locations.get(p.toString());
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
