package org.gan4j.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code metrics.csv} or {@code eval.csv} read by header name, so readers survive added or reordered
 * columns (an older run without {@code g_recon}, plugin columns).
 */
public final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;

    private CsvTable(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads a whole file; the first non-empty line is the header. */
    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return new CsvTable(file, List.of(), List.of());
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return new CsvTable(file, List.of(lines.get(0).split(",", -1)), rows);
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** A column's values as numbers (NaN for an empty cell); empty when the file has no such column. */
    public Optional<double[]> numbers(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            return Optional.empty();
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = i < rows.get(r).length ? rows.get(r)[i] : "";
            try {
                values[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ": row " + (r + 2) + ", column " + column + ": '" + cell
                        + "' is not a number", e);
            }
        }
        return Optional.of(values);
    }

    /** A column's values as numbers; the column must exist. */
    public double[] column(String column) {
        return numbers(column).orElseThrow(() -> new IllegalStateException(file + " has no column '" + column
                + "'; its columns are " + header));
    }

    /** A cell as text ("" when the row is short). */
    public String cell(int row, String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalStateException(file + " has no column '" + column + "'; its columns are " + header);
        }
        String[] r = rows.get(row);
        return i < r.length ? r[i] : "";
    }
}
