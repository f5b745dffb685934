package org.gan4j.core;

import java.nio.file.Path;

/**
 * How to run an experiment, beyond its config.
 *
 * @param outDir run directory overriding the config's {@code output.dir}, or null
 * @param overwrite replace an existing run in that directory
 * @param interactive draw a progress bar (stdout is a terminal)
 */
public record RunOptions(Path outDir, boolean overwrite, boolean interactive) {
    public static RunOptions defaults() {
        return new RunOptions(null, false, false);
    }
}
