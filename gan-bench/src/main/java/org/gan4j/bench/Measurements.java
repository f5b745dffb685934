package org.gan4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each member measured a compared metric, read from the facts its metric recorded in the run's
 * {@code evaluation.json} ({@code measured.<metric>}, the entry whose {@code results} list names the compared
 * result), and the bench's refusal to put side by side numbers measured differently: two members whose facts
 * differ in any of {@link #DEFINING} (the feature extractor, the sample counts, the scored generator) measured
 * different things, so the metric's comparison is withheld and the report says why.
 */
final class Measurements {
    static final String EVALUATION_JSON = "evaluation.json";

    /** The facts that define what a number means; two numbers are comparable only when all of them agree. */
    static final List<String> DEFINING = List.of("extractor_id", "n_real", "n_fake", "generator");

    private Measurements() {}

    /** The defining facts of {@code metric} in a run directory; empty when the run recorded none for it. */
    static Map<String, String> of(Path runDir, String metric) {
        Path file = runDir.resolve(EVALUATION_JSON);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode measured = MemberResult.JSON.readTree(file.toFile()).path("measured");
            for (JsonNode facts : measured) {
                boolean covers = false;
                for (JsonNode name : facts.path("results")) {
                    covers |= name.asText().equals(metric);
                }
                if (covers) {
                    Map<String, String> defining = new LinkedHashMap<>();
                    for (String key : DEFINING) {
                        if (facts.has(key)) {
                            defining.put(key, facts.get(key).asText());
                        }
                    }
                    return defining;
                }
            }
        } catch (IOException e) {
            return Map.of(); // an unreadable record compares like a run without one
        }
        return Map.of();
    }

    /**
     * Why {@code metric} cannot be compared across {@code members}, or null when every member that recorded facts
     * for it measured it the same way.
     */
    static String refusal(String metric, List<MemberResult> members) {
        Map<String, List<String>> byFacts = new TreeMap<>();
        for (MemberResult r : members) {
            if (!r.complete()) {
                continue;
            }
            Map<String, String> facts = of(r.runDir(), metric);
            if (!facts.isEmpty()) {
                byFacts.computeIfAbsent(facts.toString(), k -> new ArrayList<>()).add(r.member().id());
            }
        }
        if (byFacts.size() < 2) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        byFacts.forEach((facts, ids) -> groups.add(facts + " (" + String.join(", ", ids) + ")"));
        return metric + " is not compared: the members measured it differently (" + String.join(DEFINING_JOIN, groups)
                + "); only numbers with the same " + String.join(", ", DEFINING) + " are comparable";
    }

    private static final String DEFINING_JOIN = " vs ";
}
