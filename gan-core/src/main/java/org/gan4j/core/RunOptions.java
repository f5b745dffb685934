package org.gan4j.core;

import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.train.TrainingListener;

/**
 * How to run an experiment, beyond its config.
 *
 * @param outDir run directory overriding the config's {@code output.dir}, or null
 * @param overwrite replace an existing run in that directory
 * @param interactive draw a progress bar (stdout is a terminal)
 * @param resumeDir continue the run in this directory from its newest valid checkpoint, or null
 * @param listeners extra listeners for this run (e.g. a benchmark's timer)
 */
public record RunOptions(Path outDir, boolean overwrite, boolean interactive, Path resumeDir,
        List<TrainingListener> listeners) {

    public RunOptions {
        listeners = List.copyOf(listeners);
    }

    public RunOptions(Path outDir, boolean overwrite, boolean interactive, Path resumeDir) {
        this(outDir, overwrite, interactive, resumeDir, List.of());
    }

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

    /** The same options with {@code extra} listeners added. */
    public RunOptions withListeners(List<TrainingListener> extra) {
        List<TrainingListener> all = new java.util.ArrayList<>(listeners);
        all.addAll(extra);
        return new RunOptions(outDir, overwrite, interactive, resumeDir, all);
    }
}
