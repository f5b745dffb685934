package org.gan4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryFitTest {
    private static final GanFramework FRAMEWORK = GanFramework.discover();
    private static final long GB = 1L << 30;

    @TempDir
    Path dir;

    private ExperimentConfig load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("exp.yaml"), yaml);
        return FRAMEWORK.configLoader().load(file, List.of()).config();
    }

    private static SourceMap sources(String yaml) throws IOException {
        return SourceMap.of("exp.yaml", yaml, new YAMLFactory());
    }

    @Test
    void anMlpIsCountedFromItsWidthsAndTheSampleShape() throws IOException {
        String yaml = "data: {type: ring}\nmodel: {type: mlp, hidden: [1000, 1000]}\nloss: {type: minimax}\n"
                + "latent: {dim: 10}\n";
        ExperimentConfig config = load(yaml);
        // G: 10·1000+1000 + 1000·1000+1000 + 1000·2+2; D: 2·1000+1000 + 1000·1000+1000 + 1000+1.
        double expected = (10_000 + 1000 + 1_000_000 + 1000 + 2000 + 2) + (2000 + 1000 + 1_000_000 + 1000 + 1000 + 1);
        assertEquals(expected, config.getModel().estimateParameters(
                org.gan4j.api.model.ModelSpec.of(new ai.djl.ndarray.types.Shape(2), 10)).getAsDouble());
        // 2.02 M parameters · 16 bytes ≈ 32 MB: refused with 16 MB for the engine, accepted with 64 MB.
        ConfigException e = assertThrows(ConfigException.class, () -> MemoryFit.check(config, sources(yaml),
                new MemoryFit.Limits(GB + (16L << 20), GB)));
        assertEquals("exp.yaml:2:8: model: the networks would hold about 2.0e+06 parameters (estimated from the "
                + "model's settings and samples of shape (2)), needing about 31 MB with gradients and optimizer "
                + "state (16 bytes each); this machine has 1.0 GB of memory, 16 MB of it outside the JVM heap; use "
                + "smaller layers", e.getMessage());
        MemoryFit.check(config, sources(yaml), new MemoryFit.Limits(GB + (64L << 20), GB));
    }

    @Test
    void aBatchIsBoundedByTheHeapAndTheMachine() throws IOException {
        String yaml = "data: {type: image-folder, path: faces, size: 64}\nmodel: {type: dcgan}\nloss: {type: minimax}\n"
                + "trainer: {batch_size: 10000}\n";
        ExperimentConfig config = load(yaml);
        // 10000 · 3·64·64 floats = 469 MB on the heap.
        ConfigException e = assertThrows(ConfigException.class, () -> MemoryFit.check(config, sources(yaml),
                new MemoryFit.Limits(64 * GB, 256L << 20)));
        assertTrue(e.getMessage().startsWith("exp.yaml:4:23: trainer.batch_size: a batch of 10000 samples of shape "
                + "(3, 64, 64) takes about 469 MB as floats on the JVM heap, which holds at most 256 MB"), e.getMessage());
        // With a big heap the engine's side is what is short: real and generated samples, 938 MB, and the noise.
        e = assertThrows(ConfigException.class, () -> MemoryFit.check(config, sources(yaml),
                new MemoryFit.Limits(2 * GB + (512L << 20), 2 * GB)));
        assertTrue(e.getMessage().contains("trainer.batch_size: a batch of 10000 needs at least 9"), e.getMessage());
        MemoryFit.check(config, sources(yaml), new MemoryFit.Limits(64 * GB, 8 * GB));
    }

    @Test
    void evaluationSamplesAreBoundedByTheHeap() throws IOException {
        String yaml = "data: {type: image-folder, path: faces, size: 64}\nmodel: {type: dcgan}\nloss: {type: minimax}\n"
                + "eval: {samples: 5000}\n";
        ExperimentConfig config = load(yaml);
        // 2 · 5000 · 3·64·64 floats = 469 MB.
        ConfigException e = assertThrows(ConfigException.class, () -> MemoryFit.check(config, sources(yaml),
                new MemoryFit.Limits(64 * GB, 256L << 20)));
        assertEquals("exp.yaml:4:17: eval.samples: 5000 real and 5000 generated samples of shape (3, 64, 64) take about "
                + "469 MB as floats on the JVM heap, which holds at most 256 MB; use fewer eval.samples (or a larger "
                + "heap: GAN_JAVA_OPTS=-Xmx...)", e.getMessage());
        MemoryFit.check(config, sources(yaml), new MemoryFit.Limits(64 * GB, GB));
    }
}
