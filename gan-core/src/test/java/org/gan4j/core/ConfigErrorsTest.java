package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.optimizers.SgdSpec;
import org.gan4j.core.testplugin.SampleMomentsMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of config error names the file, line, key, the bad value and what is accepted. */
class ConfigErrorsTest {
    static final String VALID = """
            seed: 3
            data:
              type: ring
              modes: 8
            model:
              type: mlp
              hidden: [32, 32]
            loss:
              type: minimax
            trainer:
              steps: 100
              batch_size: 64
            """;

    @TempDir
    Path dir;

    private ConfigException error(String yaml, String... overrides) throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", yaml);
        return assertThrows(ConfigException.class, () -> Experiments.load(file, overrides));
    }

    private String file() {
        return dir.resolve("exp.yaml").toString();
    }

    @Test
    void validFileLoadsWithDefaultsFilledIn() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", VALID);
        ConfigLoader.Loaded loaded = Experiments.load(file);
        assertEquals(3, loaded.config().getSeed());
        assertEquals(64, loaded.config().getTrainer().getBatchSize());
        assertEquals(1, loaded.config().getTrainer().getDiscriminatorSteps());
    }

    @Test
    void unknownKeyNamesLineAndAcceptedKeys() throws Exception {
        ConfigException e = error(VALID.replace("  batch_size: 64", "  batch_sise: 64"));
        assertEquals(file() + ":12:3", e.source());
        assertTrue(e.getMessage().contains("trainer"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'batch_sise'"), e.getMessage());
        assertTrue(e.getMessage().contains("batch_size"), e.getMessage());
    }

    @Test
    void unknownKeyInsideAVariantListsThatVariantsKeys() throws Exception {
        ConfigException e = error(VALID.replace("  modes: 8", "  modez: 8"));
        assertEquals(file() + ":4:3", e.source());
        assertTrue(e.getMessage().contains("'modez'") && e.getMessage().contains("radius"), e.getMessage());
    }

    @Test
    void unknownTypeListsRegisteredNames() throws Exception {
        ConfigException e = error(VALID.replace("type: minimax", "type: vanilla"));
        assertEquals(file() + ":9:9", e.source());
        assertEquals("loss.type", e.key());
        assertTrue(e.getMessage().contains("unknown type 'vanilla'"), e.getMessage());
        String registered = e.getMessage().substring(e.getMessage().indexOf("registered: ["));
        assertTrue(registered.contains("minimax") && registered.contains("non-saturating"), e.getMessage());
    }

    @Test
    void missingTypeListsRegisteredNames() throws Exception {
        ConfigException e = error(VALID.replace("  type: minimax", "  {}").replace("loss:\n  {}", "loss: {}"));
        assertTrue(e.getMessage().contains("needs 'type:'") && e.getMessage().contains("non-saturating"),
                e.getMessage());
    }

    @Test
    void wrongValueTypeNamesValueAndExpectedType() throws Exception {
        ConfigException e = error(VALID.replace("batch_size: 64", "batch_size: lots"));
        assertEquals(file() + ":12:15", e.source());
        assertEquals("trainer.batch_size", e.key());
        assertTrue(e.getMessage().contains("'lots' is not an integer"), e.getMessage());
    }

    @Test
    void fractionalIntegerIsRejected() throws Exception {
        ConfigException e = error(VALID.replace("batch_size: 64", "batch_size: 64.5"));
        assertEquals("trainer.batch_size", e.key());
    }

    @Test
    void outOfRangeValueSaysWhatIsAccepted() throws Exception {
        ConfigException e = error(VALID.replace("batch_size: 64", "batch_size: -3"));
        assertEquals(file() + ":12:15", e.source());
        assertTrue(e.getMessage().endsWith("trainer.batch_size: must be a positive integer, got -3"), e.getMessage());
        ConfigException beta = error(VALID + "  generator_optimizer: {type: adam, beta1: 1.5}\n");
        assertTrue(beta.getMessage().contains("trainer.generator_optimizer.beta1: must be in [0.0, 1.0), got 1.5"),
                beta.getMessage());
    }

    @Test
    void badWordForAnEnumListsTheWords() throws Exception {
        ConfigException e = error(VALID.replace("hidden: [32, 32]", "hidden: [32, 32]\n  activation: swish"));
        assertTrue(e.getMessage().contains("model.activation") && e.getMessage().contains("leaky_relu"),
                e.getMessage());
    }

    @Test
    void malformedYamlPointsAtTheLine() throws Exception {
        ConfigException e = error(VALID.replace("  hidden: [32, 32]", "  hidden: [32, 32"));
        assertTrue(e.getMessage().startsWith(file() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void missingSectionNamesTheChoices() throws Exception {
        ConfigException e = error(VALID.replace("loss:\n  type: minimax\n", ""));
        assertEquals("loss", e.key());
        assertTrue(e.getMessage().contains("add a 'loss:' section"), e.getMessage());
    }

    @Test
    void emptyValueAndEmptyFileAndMissingFile() throws Exception {
        ConfigException empty = error(VALID.replace("  batch_size: 64", "  batch_size:"));
        assertTrue(empty.getMessage().contains("trainer.batch_size: has no value"), empty.getMessage());
        assertTrue(error("").getMessage().contains("the file is empty"));
        assertTrue(error("- a\n- b\n").getMessage().contains("top level must be a mapping"));
        ConfigException missing = assertThrows(ConfigException.class, () -> Experiments.load(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().endsWith("no such file"));
    }

    @Test
    void overridesAreTypedAndPointAtTheCommandLine() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", VALID);
        ConfigLoader.Loaded loaded = Experiments.load(file, "trainer.steps=250", "model.hidden=[8, 4]",
                "trainer.discriminator_optimizer.type=sgd", "eval.metrics=[{type: sample-moments, samples: 10}]");
        assertEquals(250, loaded.config().getTrainer().getSteps());
        assertInstanceOf(SgdSpec.class, loaded.config().getTrainer().getDiscriminatorOptimizer());
        assertInstanceOf(SampleMomentsMetric.class, loaded.config().getEval().getMetrics().get(0));
        ConfigException bad = error(VALID, "trainer.batch_size=zero");
        assertEquals("--set trainer.batch_size=zero", bad.source());
        ConfigException unknown = error(VALID, "trainer.speed=3");
        assertTrue(unknown.getMessage().startsWith("--set trainer.speed=3: trainer: unknown key 'speed'"),
                unknown.getMessage());
        assertTrue(error(VALID, "trainer").getMessage().contains("expected key.path=value"));
    }

    @Test
    void resolvedConfigRoundTrips() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", VALID);
        ConfigLoader loader = Experiments.FRAMEWORK.configLoader();
        String resolved = loader.toYaml(Experiments.load(file).config());
        assertTrue(resolved.contains("type: minimax") && resolved.contains("discriminator_steps: 1"), resolved);
        Path again = Experiments.write(dir, "resolved.yaml", resolved);
        assertEquals(resolved, loader.toYaml(Experiments.load(again).config()));
    }
}
