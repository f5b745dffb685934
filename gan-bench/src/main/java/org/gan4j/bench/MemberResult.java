package org.gan4j.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one member's run directory says: status, steps, wall time, and for every compared metric its final
 * value ({@code summary.json}) and its best value over the evaluations ({@code eval.csv}, or
 * {@code metrics.csv} for training statistics) with the step it was reached at.
 */
public record MemberResult(Member member, Path runDir, Status status, long steps, double wallSeconds,
        double processSeconds, Map<String, Double> finals, Map<String, Double> bests, Map<String, Long> bestSteps,
        Map<String, Curve> curves, String error) {

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
    static final List<String> TRAINING_STATS = List.of("d_loss", "g_loss", "d_real", "d_fake", "g_grad_norm",
            "sec_per_step");

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
        long steps = 0;
        double wall = Double.NaN;
        if (complete) {
            try {
                JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
                steps = summary.path("steps").asLong();
                wall = summary.path("wall_seconds").asDouble(Double.NaN);
                Table eval = Table.read(runDir.resolve("eval.csv"));
                Table train = Table.read(runDir.resolve("metrics.csv"));
                for (Suite.MetricSpec m : metrics) {
                    JsonNode v = summary.path("metrics").get(m.name());
                    boolean stat = v == null && TRAINING_STATS.contains(m.name());
                    if (stat) {
                        v = summary.path("last_step").get(m.name());
                    }
                    finals.put(m.name(), v == null || v.isNull() ? Double.NaN : v.asDouble());
                    Curve c = (stat ? train : eval).curve(m.name());
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
            } catch (IOException e) {
                s = Status.FAILED;
                error = "cannot read the results in " + runDir + ": " + e.getMessage();
            }
        }
        return new MemberResult(member, runDir, s, steps, wall, processSeconds, finals, bests, bestSteps, curves,
                error == null ? "" : error);
    }

    /** A CSV with a header row; empty cells are NaN. */
    record Table(List<String> header, List<double[]> rows) {
        static Table read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return new Table(List.of(), List.of());
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return new Table(List.of(), List.of());
            }
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                double[] row = new double[header.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = i < cells.length ? parse(cells[i]) : Double.NaN;
                }
                rows.add(row);
            }
            return new Table(header, rows);
        }

        Curve curve(String column) {
            int step = header.indexOf("step");
            int col = header.indexOf(column);
            if (step < 0 || col < 0) {
                return null;
            }
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i)[step];
                y[i] = rows.get(i)[col];
            }
            return new Curve(x, y);
        }

        private static double parse(String cell) {
            try {
                return cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
