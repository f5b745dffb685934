package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.core.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regularizers:} binds to registered variants, trains, and survives the resolved config. */
class RegularizerConfigTest {
    private static final String BASE = """
            seed: 1
            data: {type: ring}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 4, batch_size: 16, log_every: 2}
            output: {plots: false}
            """;

    @Test
    void aLeCamRunTrainsAndItsResolvedConfigKeepsTheRegularizer(@TempDir Path dir) throws Exception {
        Path file = Experiments.write(dir, "lecam.yaml", BASE + "regularizers: [{type: lecam, lambda: 0.1, every: 2}]\n");
        ExperimentConfig config = Experiments.load(file).config();
        assertEquals(1, config.getRegularizers().size());
        Regularizer lecam = config.getRegularizers().get(0);
        assertEquals("lecam", lecam.name());
        assertEquals(2, lecam.every());
        ExperimentRunner.Result result = Experiments.run(file, dir.resolve("run"));
        assertEquals(4, result.summary().step());
        assertTrue(result.summary().lastStats().extras().containsKey("reg_lecam"), result.summary().lastStats().toString());
        String resolved = Files.readString(dir.resolve("run/config.yaml"));
        assertTrue(resolved.contains("regularizers:") && resolved.contains("lecam"), resolved);
        ExperimentConfig again = Experiments.load(dir.resolve("run/config.yaml")).config();
        assertEquals(2, again.getRegularizers().get(0).every(), "the resolved config loads back the same regularizer");
    }

    @Test
    void aRunWithoutRegularizersWritesNoSuchKey(@TempDir Path dir) throws Exception {
        Path file = Experiments.write(dir, "plain.yaml", BASE);
        Experiments.run(file, dir.resolve("run"));
        assertFalse(Files.readString(dir.resolve("run/config.yaml")).contains("regularizers"));
    }
}
