package org.gan4j.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file of a run ({@code metrics.csv}, {@code eval.csv}, a bench's {@code results.csv}) read by its
 * header: every column that is there, looked up by name, never by position, so readers survive added or
 * reordered columns (an older run without {@code g_recon}, the columns plugins declare). Quoted cells
 * ({@code "a, b"}, {@code ""} for a quote) are read as RFC 4180 writes them.
 */
public final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<Map<String, String>> rows;

    private CsvTable(Path file, List<String> header, List<Map<String, String>> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /** The file's table; a missing or empty file is a table without columns or rows. */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new CsvTable(file, List.of(), List.of());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return new CsvTable(file, List.of(), List.of());
        }
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return new CsvTable(file, header, rows);
    }

    /** The header's column names, in file order. */
    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** Every data row as column name -> cell text (a short row's missing cells are empty). */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The first row whose {@code column} holds {@code value}, or null. */
    public Map<String, String> rowWhere(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElse(null);
    }

    /**
     * A column's values as numbers (NaN for an empty cell); empty when the file has no such column. A cell
     * that is not a number is an error naming the file, row and column.
     */
    public Optional<double[]> numbers(String column) {
        if (!has(column)) {
            return Optional.empty();
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(column);
            try {
                values[r] = cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
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
        if (!has(column)) {
            throw new IllegalStateException(file + " has no column '" + column + "'; its columns are " + header);
        }
        return rows.get(row).get(column);
    }

    /** A cell as a number, leniently: empty or not a number is NaN. */
    public static double number(String cell) {
        try {
            return cell == null || cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One line's cells; a quoted cell may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
