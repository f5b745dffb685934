package org.gan4j.core;

import java.nio.file.Path;

/**
 * How to run an experiment, beyond its config.
 *
 * @param outDir run directory overriding the config's {@code output.dir}, or null
 * @param overwrite replace an existing run in that directory
 * @param interactive draw a progress bar (stdout is a terminal)
 * @param resumeDir continue the run in this directory from its newest valid checkpoint, or null
 */
public record RunOptions(Path outDir, boolean overwrite, boolean interactive, Path resumeDir) {
    public static RunOptions defaults() {
        return new RunOptions(null, false, false, null);
    }

    /** A fresh run into {@code outDir}. */
    public static RunOptions into(Path outDir) {
        return new RunOptions(outDir, false, false, null);
    }

    /** Continues the run in {@code runDir}. */
    public static RunOptions resume(Path runDir) {
        return new RunOptions(null, false, false, runDir);
    }
}
