package org.gan4j.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.GanFramework;

/**
 * A config built in code: the same keys as the YAML file, set by dotted path
 * ({@code set("model.hidden", List.of(64, 64))}). {@link #build()} hands it to the same strict loader as a
 * file (unknown keys and types, bad values and missing sections are refused with the key named). Data
 * paths in a built config should be absolute: relative ones resolve against the temporary folder the
 * built config is written to.
 */
public final class ExperimentBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GanFramework framework;
    private final String name;
    private final ObjectNode root = JSON.createObjectNode();

    ExperimentBuilder(GanFramework framework, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("an experiment name is letters, digits, '.', '_' or '-' (it names "
                    + "the default run directory runs/<name>), got '" + name + "'");
        }
        this.framework = framework;
        this.name = name;
    }

    /**
     * Sets the key at a dotted path ({@code "trainer.steps"}) to a value: numbers, strings, booleans, lists
     * and maps (for a whole section: {@code set("loss", Map.of("type", "hinge"))}).
     */
    public ExperimentBuilder set(String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], JSON.valueToTree(value));
        return this;
    }

    /** The config as YAML, as {@link #build()} writes it. */
    public String toYaml() {
        try {
            return new YAMLMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The experiment: the config is written to {@code <temporary folder>/<name>.yaml} and loaded from there. */
    public Experiment build() {
        try {
            Path dir = Files.createTempDirectory("gan4j-experiment");
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, toYaml());
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new Experiment(framework, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the built config to a temporary folder: " + e.getMessage(), e);
        }
    }
}
