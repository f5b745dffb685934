package org.gan4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.gan4j.core.run.CsvTable;

/**
 * How the bench reads a member's run files. The one place that knows their format, so a typed reader owned
 * by gan-core can replace it without touching the aggregation.
 */
final class RunFiles {
    static final String METRICS_CSV = "metrics.csv";
    static final String EVAL_CSV = "eval.csv";

    private RunFiles() {}

    /** A CSV of the run directory ({@link #METRICS_CSV}, {@link #EVAL_CSV}) read by its header. */
    static CsvTable table(Path runDir, String fileName) throws IOException {
        return CsvTable.read(runDir.resolve(fileName));
    }
}
