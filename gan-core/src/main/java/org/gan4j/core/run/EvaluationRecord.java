package org.gan4j.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code evaluation.json}: one evaluation (the latest; rewritten at each).
 *
 * @param step the generator step evaluated
 * @param results every metric's results by name (as in {@code eval.csv})
 * @param measured per metric, the facts of how it measured (feature extractor, sample counts, ...), as
 *     the metric reported them through {@link org.gan4j.api.metric.EvalContext#report}
 */
public record EvaluationRecord(
        @JsonProperty("step") long step,
        @JsonProperty("results") Map<String, Double> results,
        @JsonProperty("measured") Map<String, Map<String, Object>> measured) {

    public EvaluationRecord {
        results = results == null ? Map.of() : new LinkedHashMap<>(results);
        measured = measured == null ? Map.of() : new LinkedHashMap<>(measured);
    }
}
