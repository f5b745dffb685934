package org.gan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The closing lines of {@code gan train}: every final metric on one line and the pictures in the run
 * directory. Generic on purpose: the CLI names no variant, it prints whatever the run's metrics reported.
 */
final class RunReport {
    private RunReport() {}

    /** {@code result: modes_captured 8, high_quality_fraction 0.932, ...}; {@code result: no metrics ...} if none. */
    static String resultLine(Map<String, Double> finalMetrics) {
        if (finalMetrics.isEmpty()) {
            return "result: no metrics (add some under eval.metrics)";
        }
        StringJoiner line = new StringJoiner(", ", "result: ", "");
        finalMetrics.forEach((name, value) -> line.add(name + " " + compact(value)));
        return line.toString();
    }

    /**
     * {@code pictures in DIR: samples.png, losses.png, ...}: the latest of each picture (no per-step copies),
     * samples first; empty when the run drew none or its folder cannot be listed (the run itself succeeded).
     */
    static Optional<String> picturesLine(Path runDir) {
        List<String> names;
        try (Stream<Path> files = Files.list(runDir)) {
            names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".png") && !n.matches(".*-step\\d+\\.png"))
                    .sorted(RunReport::samplesFirst).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        return names.isEmpty() ? Optional.empty()
                : Optional.of("pictures in " + runDir + ": " + String.join(", ", names));
    }

    /** Integers without a decimal point, other values to 3 significant digits, NaN as {@code n/a}. */
    static String compact(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static int samplesFirst(String a, String b) {
        boolean sa = a.equals("samples.png");
        boolean sb = b.equals("samples.png");
        return sa == sb ? a.compareTo(b) : sa ? -1 : 1;
    }
}
