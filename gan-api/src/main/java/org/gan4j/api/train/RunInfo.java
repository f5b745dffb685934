package org.gan4j.api.train;

import java.nio.file.Path;

/**
 * Facts about a run at its start.
 *
 * @param runDir where outputs go
 * @param startStep the first generator step this process runs (0 unless resumed)
 * @param targetStep the step count the run ends at
 * @param sampleDimension values per sample (2 for a 2-D mixture, 784 for 28x28 images)
 * @param seed the experiment's seed
 * @param threads the OpenMP thread count the engine runs with (results depend on it)
 */
public record RunInfo(
        Path runDir, long startStep, long targetStep, int sampleDimension, long seed, int threads) {}
