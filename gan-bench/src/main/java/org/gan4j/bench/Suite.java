package org.gan4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark suite as written: base experiments, overrides applied to every member, a matrix of overrides
 * whose cartesian product (times the bases) gives the members, and the metrics to compare.
 *
 * @param file the suite file
 * @param name the suite's name (default: the file name without extension)
 * @param description free text shown in the report
 * @param bases experiment files, resolved against the suite's folder
 * @param set fixed overrides {@code key=value} applied to every member before the matrix
 * @param matrix the axes, in the order written
 * @param metrics the metrics compared, in the order written; the first one picks the best seed
 * @param seedKey the axis whose values are repetitions of one variant (default {@code seed})
 */
public record Suite(Path file, String name, String description, List<Path> bases, List<String> set,
        List<Axis> matrix, List<MetricSpec> metrics, String seedKey) {

    public Suite {
        bases = List.copyOf(bases);
        set = List.copyOf(set);
        matrix = List.copyOf(matrix);
        metrics = List.copyOf(metrics);
    }

    /**
     * One axis of the matrix: a config key (dotted path) and the values it takes.
     *
     * @param source where the axis is written in the suite file, {@code file:line:column}
     */
    public record Axis(String key, List<Value> values, String source) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** One value of an axis and the short label that names it in run directories and reports. */
    public record Value(String label, JsonNode node) {}

    /**
     * A compared metric: an evaluation result (a column of {@code eval.csv}, final value in
     * {@code summary.json}'s {@code metrics}) or a training statistic (any column of {@code metrics.csv},
     * e.g. {@code d_loss} or a conditional run's {@code g_recon}; final value in {@code last_step}).
     *
     * @param name the result name
     * @param higherIsBetter {@code max} (true) or {@code min} (false)
     */
    public record MetricSpec(String name, boolean higherIsBetter) {
        public String direction() {
            return higherIsBetter ? "max" : "min";
        }
    }
}
