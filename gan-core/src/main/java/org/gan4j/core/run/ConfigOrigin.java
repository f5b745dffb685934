package org.gan4j.core.run;

import java.nio.file.Path;

/**
 * Where a run's config came from, and so the folder its relative data paths resolve against.
 *
 * @param config absolute path of the config the run was started from (recorded in {@code run.json})
 * @param dataBase absolute folder relative data paths resolve against
 * @param why that folder in words, for messages about a path that is not found
 */
public record ConfigOrigin(Path config, Path dataBase, String why) {

    /** A config loaded from its own file: paths resolve against the file's folder. */
    public static ConfigOrigin of(Path configFile) {
        Path config = configFile.toAbsolutePath().normalize();
        return new ConfigOrigin(config, config.getParent(), "the folder of " + configFile);
    }
}
