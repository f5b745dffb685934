package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** A CSV file read by column name (the header row), so a test never depends on a column's position. */
record CsvTable(List<String> header, List<List<String>> rows) {

    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertTrue(!lines.isEmpty(), file + " has a header row");
        List<List<String>> rows = lines.subList(1, lines.size()).stream()
                .map(line -> Arrays.asList(line.split(",", -1))).toList();
        return new CsvTable(Arrays.asList(lines.get(0).split(",", -1)), rows);
    }

    /** Every cell of the column named {@code name}, top to bottom. */
    List<String> column(String name) {
        int i = index(name);
        return rows.stream().map(row -> row.get(i)).toList();
    }

    /** Every row with the column named {@code name} left out, the header first (to compare two tables). */
    List<List<String>> without(String name) {
        int i = index(name);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream())
                .map(row -> IntStream.range(0, row.size()).filter(j -> j != i).mapToObj(row::get).toList())
                .toList();
    }

    private int index(String name) {
        int i = header.indexOf(name);
        assertTrue(i >= 0, "no column '" + name + "' in " + header);
        return i;
    }
}
