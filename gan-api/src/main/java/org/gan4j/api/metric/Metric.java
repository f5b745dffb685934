package org.gan4j.api.metric;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.util.Map;

/**
 * A quality or diagnostic measure computed at evaluation steps, configured under {@code eval:}.
 * Results are named numbers (they go to {@code metrics.csv} and {@code summary.json}); a metric may
 * also write files (plots) into {@link EvalContext#outputDir()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Metric {

    /**
     * Computes the metric for the generator as it is now.
     *
     * @return metric names (lower_snake_case, unique across metrics) to values, in report order
     */
    Map<String, Double> evaluate(EvalContext context) throws IOException;
}
