package org.gan4j.metrics;

import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;

/** Test helpers: load an experiment with the real plugins (this module's included) and run it. */
final class Experiments {
    static final GanFramework FRAMEWORK = GanFramework.discover();
    /** examples/theory/ of the repository (tests run in gan-metrics/). */
    static final Path THEORY = Path.of("..", "examples", "theory").toAbsolutePath().normalize();

    private Experiments() {}

    static ExperimentRunner.Result run(Path file, Path out, String... overrides) {
        return FRAMEWORK.runner().run(FRAMEWORK.configLoader().load(file, List.of(overrides)),
                RunOptions.into(out));
    }
}
