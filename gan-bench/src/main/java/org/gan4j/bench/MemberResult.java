package org.gan4j.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.core.run.CsvTable;

/**
 * What one member's run directory says: status, steps, wall time, for every compared metric its final
 * value ({@code summary.json}) and its best value over the evaluations ({@code eval.csv}, or
 * {@code metrics.csv} for training statistics) with the step it was reached at, and the last logged row of
 * {@code metrics.csv} (every column the run wrote).
 *
 * @param lastLogged column -> value of the last row of {@code metrics.csv}, {@code step} left out, in file order
 */
public record MemberResult(Member member, Path runDir, Status status, long steps, double wallSeconds,
        double processSeconds, Map<String, Double> finals, Map<String, Double> bests, Map<String, Long> bestSteps,
        Map<String, Curve> curves, Map<String, Double> lastLogged, String error) {

    /** How a member stands. */
    public enum Status {
        /** summary.json exists and its steps reached the target. */
        COMPLETE,
        /** skipped on this invocation because an earlier one completed it (also complete). */
        SKIPPED,
        /** its worker failed; the error is the worker's last message. */
        FAILED,
        /** stopped before its target (interrupted, or never started). */
        MISSING;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A metric over steps. */
    public record Curve(double[] steps, double[] values) {}

    public boolean complete() {
        return status == Status.COMPLETE || status == Status.SKIPPED;
    }

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Whether the member's run directory holds a finished run (summary.json with steps == target). */
    public static boolean isComplete(Path runDir, long targetSteps) {
        Path summary = runDir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try {
            return JSON.readTree(summary.toFile()).path("steps").asLong(-1) == targetSteps;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a member's results; {@code status} is what the runner knows (null: from the files alone). */
    public static MemberResult read(Member member, Path runDir, List<Suite.MetricSpec> metrics, Status status,
            double processSeconds, String error) {
        boolean complete = isComplete(runDir, member.targetSteps());
        Status s = status != null ? status : complete ? Status.SKIPPED : Status.MISSING;
        if (s == Status.COMPLETE && !complete) {
            s = Status.MISSING;
        }
        Map<String, Double> finals = new LinkedHashMap<>();
        Map<String, Double> bests = new LinkedHashMap<>();
        Map<String, Long> bestSteps = new LinkedHashMap<>();
        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Double> lastLogged = new LinkedHashMap<>();
        long steps = 0;
        double wall = Double.NaN;
        if (complete) {
            try {
                JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
                steps = summary.path("steps").asLong();
                wall = summary.path("wall_seconds").asDouble(Double.NaN);
                CsvTable eval = RunFiles.table(runDir, RunFiles.EVAL_CSV);
                CsvTable train = RunFiles.table(runDir, RunFiles.METRICS_CSV);
                for (Suite.MetricSpec m : metrics) {
                    // An evaluation result, or else a training statistic: whichever file has the column.
                    JsonNode v = summary.path("metrics").get(m.name());
                    if (v == null) {
                        v = summary.path("last_step").get(m.name());
                    }
                    finals.put(m.name(), v == null || v.isNull() ? Double.NaN : v.asDouble());
                    Curve c = curve(eval.has(m.name()) ? eval : train, m.name());
                    if (c != null) {
                        curves.put(m.name(), c);
                        int best = -1;
                        for (int i = 0; i < c.values().length; i++) {
                            double x = c.values()[i];
                            if (Double.isFinite(x) && (best < 0
                                    || (m.higherIsBetter() ? x > c.values()[best] : x < c.values()[best]))) {
                                best = i;
                            }
                        }
                        bests.put(m.name(), best < 0 ? Double.NaN : c.values()[best]);
                        if (best >= 0) {
                            bestSteps.put(m.name(), (long) c.steps()[best]);
                        }
                    } else {
                        bests.put(m.name(), Double.NaN);
                    }
                }
                if (!train.rows().isEmpty()) {
                    train.rows().get(train.rows().size() - 1).forEach((column, cell) -> {
                        if (!column.equals("step")) {
                            lastLogged.put(column, CsvTable.number(cell));
                        }
                    });
                }
            } catch (IOException e) {
                s = Status.FAILED;
                error = "cannot read the results in " + runDir + ": " + e.getMessage();
            }
        }
        return new MemberResult(member, runDir, s, steps, wall, processSeconds, finals, bests, bestSteps, curves,
                lastLogged, error == null ? "" : error);
    }

    /** {@code column} over the table's {@code step} column, or null when either is missing. */
    private static Curve curve(CsvTable table, String column) {
        double[] steps = table.numbers("step").orElse(null);
        double[] values = table.numbers(column).orElse(null);
        return steps == null || values == null ? null : new Curve(steps, values);
    }
}
