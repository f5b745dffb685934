package org.gan4j.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite file as written, bound strictly by gan-core's config loader (unknown keys and empty values are
 * errors with file, line and column). {@link SuiteLoader} checks what binding cannot: files exist, axes
 * are lists or labelled mappings. The format is described on {@link SuiteLoader}.
 */
public final class SuiteFile {
    private String name;
    private String description = "";
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    private List<String> base = List.of();
    private LinkedHashMap<String, JsonNode> set = new LinkedHashMap<>();
    private LinkedHashMap<String, JsonNode> matrix = new LinkedHashMap<>();
    private LinkedHashMap<String, Direction> metrics = new LinkedHashMap<>();
    private String seedKey = "seed";

    /** Which way a compared metric is better. */
    public enum Direction {
        MAX, MIN;

        @JsonCreator
        static Direction of(String word) {
            return switch (word) {
                case "max" -> MAX;
                case "min" -> MIN;
                default -> throw new IllegalArgumentException(
                        "expected max or min (which direction is better), got '" + word + "'");
            };
        }
    }

    /** The suite's name, or null when the file does not give one (the file name is used). */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The experiment files, as written (one path or a list). */
    public List<String> getBase() {
        return base;
    }

    public void setBase(List<String> base) {
        this.base = base;
    }

    /** Fixed overrides, dotted key -> value, in the order written. */
    public Map<String, JsonNode> getSet() {
        return set;
    }

    public void setSet(LinkedHashMap<String, JsonNode> set) {
        this.set = set;
    }

    /** The axes, dotted key -> a list of values or a mapping label -> value, in the order written. */
    public Map<String, JsonNode> getMatrix() {
        return matrix;
    }

    public void setMatrix(LinkedHashMap<String, JsonNode> matrix) {
        this.matrix = matrix;
    }

    /** Compared metrics, in the order written. */
    public Map<String, Direction> getMetrics() {
        return metrics;
    }

    public void setMetrics(LinkedHashMap<String, Direction> metrics) {
        this.metrics = metrics;
    }

    public String getSeedKey() {
        return seedKey;
    }

    public void setSeedKey(String seedKey) {
        this.seedKey = seedKey;
    }
}
