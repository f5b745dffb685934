package org.gan4j.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.config.ConfigLoader;

/** Test helpers: write a YAML experiment into a folder and load or run it with the real plugins. */
final class Experiments {
    static final GanFramework FRAMEWORK = GanFramework.discover();

    private Experiments() {}

    static Path write(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    static ConfigLoader.Loaded load(Path file, String... overrides) {
        List<String> all = new java.util.ArrayList<>();
        if (PyTorchFork.active()) { // the PyTorch JVM runs the same experiments on its engine; later overrides win
            all.add("engine=pytorch");
        }
        all.addAll(List.of(overrides));
        return FRAMEWORK.configLoader().load(file, all);
    }

    static ExperimentRunner.Result resume(Path file, Path runDir, String... overrides) {
        return FRAMEWORK.runner().run(load(file, overrides), RunOptions.resume(runDir));
    }

    static ExperimentRunner.Result run(Path file, Path out, String... overrides) {
        return FRAMEWORK.runner().run(load(file, overrides), RunOptions.into(out));
    }
}
