package org.gan4j.core.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.gan4j.api.support.AtomicFiles;

/** An append-only CSV file with a fixed header, flushed after every row so a crash loses nothing. */
final class CsvLog implements AutoCloseable {
    private BufferedWriter out;
    private final int columns;

    /**
     * Opens the log. When {@code resumeAfter} is non-negative and the file exists, rows of steps
     * after it (written after the checkpoint a run resumes from) are dropped and new rows appended.
     */
    CsvLog(Path file, List<String> header, long resumeAfter) {
        try {
            columns = header.size();
            if (resumeAfter >= 0 && Files.exists(file)) {
                List<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isEmpty())
                        .filter(line -> !Character.isDigit(line.charAt(0)) || stepOf(line) <= resumeAfter)
                        .toList();
                AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                if (kept.isEmpty()) {
                    row(header);
                }
            } else {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                row(header);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The step in the first column of a data row. */
    static long stepOf(String line) {
        int comma = line.indexOf(',');
        return Long.parseLong(comma < 0 ? line : line.substring(0, comma));
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
