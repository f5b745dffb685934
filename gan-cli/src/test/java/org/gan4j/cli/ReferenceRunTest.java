package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same seed and thread count give the same metrics.csv as before the house-in-order refactor: every
 * random stream and the training step are unchanged. The references in {@code reference/} were recorded at
 * OMP_NUM_THREADS=2 (the suite's {@code test.omp.threads}); at another thread count they differ.
 */
class ReferenceRunTest {
    private static final String TIMING = "sec_per_step";

    @ParameterizedTest
    @ValueSource(strings = {"ring", "super-resolution"})
    void metricsEqualTheReference(String name, @TempDir Path dir) throws Exception {
        Path config = copy("reference/" + name + ".yaml", dir.resolve(name + ".yaml"));
        Path expected = copy("reference/" + name + ".metrics.csv", dir.resolve("expected.csv"));
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", config.toString(), "--out", run.toString()), name + " trained");
        List<Map<String, String>> want = rows(expected);
        List<Map<String, String>> got = rows(run.resolve("metrics.csv"));
        assertEquals(want.get(0).keySet(), got.get(0).keySet(), name + ": metrics.csv columns");
        assertEquals(want.size(), got.size(), name + ": logged rows");
        for (int i = 0; i < want.size(); i++) {
            for (String column : want.get(i).keySet()) {
                if (!column.equals(TIMING)) {
                    assertEquals(want.get(i).get(column), got.get(i).get(column),
                            name + ": row " + (i + 1) + ", column " + column);
                }
            }
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = ReferenceRunTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }

    /** Each data row as column name → text, read by the header's names. */
    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c < cells.length ? cells[c] : null);
            }
            rows.add(row);
        }
        return rows;
    }
}
