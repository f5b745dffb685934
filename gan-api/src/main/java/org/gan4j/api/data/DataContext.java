package org.gan4j.api.data;

import java.nio.file.Path;

/**
 * What a data source needs from the run that opens it.
 *
 * @param baseDir the folder relative paths in the config resolve against (the config's folder)
 * @param seed the experiment's seed
 */
public record DataContext(Path baseDir, long seed) {

    /** Resolves a path written in the config. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }
}
