package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.optimizers.SgdSpec;
import org.gan4j.datasets.GridData;
import org.gan4j.datasets.RingData;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `extends:` composition: deep merge of mappings, whole replacement of lists and of re-typed sections. */
class ExtendsTest {
    static final String BASE = """
            seed: 1
            data: {type: ring, modes: 6, radius: 3.0}
            model:
              type: mlp
              hidden: [64, 64, 64]
              activation: tanh
            loss: {type: minimax}
            trainer:
              steps: 500
              batch_size: 32
              generator_optimizer: {type: adam, lr: 0.001}
            """;

    @TempDir
    Path dir;

    @Test
    void childMergesOntoItsBase() throws Exception {
        Files.createDirectories(dir.resolve("bases"));
        Experiments.write(dir.resolve("bases"), "base.yaml", BASE);
        Path child = Experiments.write(dir, "child.yaml", """
                extends: bases/base.yaml
                data: {radius: 2.0}
                model: {hidden: [8]}
                trainer:
                  batch_size: 16
                  generator_optimizer: {type: sgd, lr: 0.1}
                """);
        ExperimentConfig c = Experiments.load(child).config();
        RingData ring = (RingData) c.getData();
        assertEquals(6, ring.getModes(), "kept from the base");
        assertEquals(2.0, ring.getRadius(), "overridden by the child");
        MlpArchitecture mlp = (MlpArchitecture) c.getModel();
        assertEquals(List.of(8), mlp.getHidden(), "lists are replaced whole");
        assertEquals("tanh", mlp.getActivation().yamlName());
        assertEquals(500, c.getTrainer().getSteps());
        assertEquals(16, c.getTrainer().getBatchSize());
        SgdSpec sgd = assertInstanceOf(SgdSpec.class, c.getTrainer().getGeneratorOptimizer(),
                "a section with another type replaces the base's section");
        assertEquals(0.1, sgd.getLr());
    }

    @Test
    void listOfBasesMergesInOrderAndTypeChangeDropsBaseKeys() throws Exception {
        Experiments.write(dir, "base.yaml", BASE);
        Experiments.write(dir, "grid.yaml", "data: {type: grid, size: 3}\nseed: 7\n");
        Path child = Experiments.write(dir, "child.yaml", "extends: [base.yaml, grid.yaml]\nseed: 8\n");
        ExperimentConfig c = Experiments.load(child).config();
        assertEquals(3, assertInstanceOf(GridData.class, c.getData()).getSize(), "modes/radius of ring dropped");
        assertEquals(8, c.getSeed());
    }

    @Test
    void cyclesNameTheChain() throws Exception {
        Experiments.write(dir, "a.yaml", "extends: b.yaml\nseed: 1\n");
        Experiments.write(dir, "b.yaml", "extends: c.yaml\n");
        Path c = Experiments.write(dir, "c.yaml", "extends: a.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Experiments.load(dir.resolve("a.yaml")));
        assertTrue(e.getMessage().contains("extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml"), e.getMessage());
        assertTrue(e.source().startsWith(c.toString() + ":1:"), e.source());
    }

    @Test
    void errorsPointAtTheFileThatWroteTheBadValue() throws Exception {
        Experiments.write(dir, "base.yaml", BASE.replace("batch_size: 32", "batch_size: -32"));
        Path child = Experiments.write(dir, "child.yaml", "extends: base.yaml\nseed: 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Experiments.load(child));
        assertEquals(dir.resolve("base.yaml") + ":10:15", e.source());
        assertTrue(e.getMessage().endsWith("trainer.batch_size: must be a positive integer, got -32"), e.getMessage());
        // Overridden in the child: the child's line is reported.
        Path fixing = Experiments.write(dir, "child2.yaml", "extends: base.yaml\ntrainer: {batch_size: 0}\n");
        ConfigException f = assertThrows(ConfigException.class, () -> Experiments.load(fixing));
        assertTrue(f.source().startsWith(fixing + ":2:"), f.source());
    }

    @Test
    void missingBaseIsReportedWhereItIsNamed() throws Exception {
        Path child = Experiments.write(dir, "child.yaml", "seed: 1\nextends: nowhere.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Experiments.load(child));
        assertTrue(e.source().startsWith(child + ":2:"), e.source());
        assertTrue(e.getMessage().contains("nowhere.yaml: no such file"), e.getMessage());
    }
}
