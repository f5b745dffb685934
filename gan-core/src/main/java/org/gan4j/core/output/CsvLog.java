package org.gan4j.core.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** An append-only CSV file with a fixed header, flushed after every row so a crash loses nothing. */
final class CsvLog implements AutoCloseable {
    private final BufferedWriter out;
    private final int columns;

    CsvLog(Path file, List<String> header) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            columns = header.size();
            row(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void row(List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            sb.append(v == null ? "" : v instanceof Double d && d.isNaN() ? "" : v.toString());
        }
        try {
            out.write(sb.append('\n').toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to a CSV log", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
