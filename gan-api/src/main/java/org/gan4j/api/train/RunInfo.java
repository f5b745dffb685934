package org.gan4j.api.train;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about a run at its start.
 *
 * @param runDir where outputs go
 * @param startStep the first generator step this process runs (0 unless resumed)
 * @param targetStep the step count the run ends at
 * @param sampleShape shape of one sample: (2) for a 2-D mixture, (1, 28, 28) for gray 28×28 images
 * @param seed the experiment's seed
 * @param threads the OpenMP thread count the engine runs with (results depend on it), -1 if unknown
 * @param logColumns the columns plugins add to {@code metrics.csv} after the trainer's own (a
 *     regularizer's term, a learning rate), in order; each logged {@link StepStats#extras()} has them
 */
public record RunInfo(Path runDir, long startStep, long targetStep, Shape sampleShape, long seed, int threads,
        List<String> logColumns) {

    public RunInfo {
        logColumns = logColumns == null ? List.of() : List.copyOf(logColumns);
    }

    /** Facts of a run whose plugins add no log columns. */
    public RunInfo(Path runDir, long startStep, long targetStep, Shape sampleShape, long seed, int threads) {
        this(runDir, startStep, targetStep, sampleShape, seed, threads, List.of());
    }

    /** Values per sample. */
    public int sampleDimension() {
        return Math.toIntExact(sampleShape.size());
    }

    /** Whether this process continues an earlier run. */
    public boolean resumed() {
        return startStep > 0;
    }
}
