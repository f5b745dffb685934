package org.gan4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read by its header: every column that is there, looked up by name, never by position, so a
 * column a plugin or a task adds (a conditional run's {@code g_recon}) is carried without a list of names.
 * Quoted cells ({@code "a, b"}, {@code ""} for a quote) are read as {@link ReportWriter} writes them.
 */
public final class CsvTable {
    private final List<String> columns;
    private final List<Map<String, String>> rows;

    private CsvTable(List<String> columns, List<Map<String, String>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** The file's table; a missing or empty file is a table without columns or rows. */
    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    /** The header's column names, in file order. */
    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** Every data row as column name -> cell text (a short row's missing cells are empty). */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The cells of {@code column} as numbers (empty or non-numeric: NaN); null when there is no such column. */
    public double[] numbers(String column) {
        if (!has(column)) {
            return null;
        }
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(rows.get(i).get(column));
        }
        return values;
    }

    /** The first row whose {@code column} holds {@code value}, or null. */
    public Map<String, String> rowWhere(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElse(null);
    }

    static double number(String cell) {
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
