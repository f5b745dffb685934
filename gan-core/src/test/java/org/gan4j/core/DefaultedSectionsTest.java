package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.TrainerConfig;
import org.gan4j.core.plugin.PluginLoadException;
import org.gan4j.core.plugin.PluginRegistry;
import org.gan4j.optimizers.AdamSpec;
import org.gan4j.optimizers.SgdSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaulted sections get the variant a plugin declared; one key set on them merges into that default. */
class DefaultedSectionsTest {
    @TempDir
    Path dir;

    private ConfigLoader.Loaded load(String... overrides) throws Exception {
        return Experiments.load(Experiments.write(dir, "exp.yaml", ConfigErrorsTest.VALID), overrides);
    }

    @Test
    void leftOutOptimizersAreTheDeclaredDefault() throws Exception {
        TrainerConfig trainer = load().config().getTrainer();
        for (OptimizerSpec spec : new OptimizerSpec[] {trainer.getGeneratorOptimizer(), trainer.getDiscriminatorOptimizer()}) {
            AdamSpec adam = assertInstanceOf(AdamSpec.class, spec);
            assertEquals(2e-4, adam.getLr());
            assertEquals(0.5, adam.getBeta1());
            assertEquals(0.999, adam.getBeta2());
        }
    }

    @Test
    void oneKeyOverrideMergesIntoTheDefault() throws Exception {
        ConfigLoader.Loaded loaded = load("trainer.generator_optimizer.lr=0.001", "trainer.discriminator_optimizer.beta2=0.99");
        AdamSpec g = assertInstanceOf(AdamSpec.class, loaded.config().getTrainer().getGeneratorOptimizer());
        assertEquals(0.001, g.getLr());
        assertEquals(0.5, g.getBeta1(), "the default's other settings stay");
        AdamSpec d = assertInstanceOf(AdamSpec.class, loaded.config().getTrainer().getDiscriminatorOptimizer());
        assertEquals(2e-4, d.getLr());
        assertEquals(0.99, d.getBeta2());
        String resolved = Experiments.FRAMEWORK.configLoader().toYaml(loaded.config());
        assertTrue(resolved.matches("(?s).*generator_optimizer:\\s*\\n\\s+type: \"?adam\"?\\s*\\n\\s+lr: 0\\.001\\n.*"), resolved);
    }

    @Test
    void sectionWithTypeStandsAsWritten() throws Exception {
        ConfigLoader.Loaded loaded = load("trainer.generator_optimizer={type: sgd, momentum: 0.9}");
        SgdSpec sgd = assertInstanceOf(SgdSpec.class, loaded.config().getTrainer().getGeneratorOptimizer());
        assertEquals(0.01, sgd.getLr(), "sgd's own default, not adam's");
        assertEquals(0.9, sgd.getMomentum());
    }

    @Test
    void badKeyMergedIntoTheDefaultIsStillRejected() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("trainer.generator_optimizer.lr=-1"));
        assertTrue(e.getMessage().contains("trainer.generator_optimizer.lr: must be a finite number > 0, got -1"),
                e.getMessage());
    }

    @Test
    void withoutADeclaredDefaultTheSectionIsRequired() throws Exception {
        PluginRegistry plugins = Experiments.FRAMEWORK.plugins();
        ConfigLoader noDefaults = new ConfigLoader(
                plugins.injector().getInstance(com.fasterxml.jackson.databind.ObjectMapper.class), plugins.variants());
        Path file = Experiments.write(dir, "exp.yaml", ConfigErrorsTest.VALID);
        ConfigException e = assertThrows(ConfigException.class, () -> noDefaults.load(file, java.util.List.of()));
        assertTrue(e.getMessage().contains("trainer.generator_optimizer: missing; add a 'trainer.generator_optimizer:' "
                + "section with 'type:' one of [adam, rmsprop, sgd]"), e.getMessage());
    }

    @Test
    void twoPluginsDeclaringTheSameDefaultIsAStartUpError() {
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.discover(getClass().getClassLoader(), new SgdByDefault()));
        assertTrue(e.getMessage().contains("two plugins declare the default OptimizerSpec"), e.getMessage());
        assertTrue(e.getMessage().contains("org.gan4j.optimizers.OptimizersPlugin"), e.getMessage());
        assertTrue(e.getMessage().contains(SgdByDefault.class.getName()), e.getMessage());
    }

    /** A second plugin that also wants to own the optimizer default. */
    static final class SgdByDefault extends GanPlugin {
        @Override
        protected void registerVariants() {
            registerDefault(OptimizerSpec.class, "sgd", Map.of("lr", 0.1));
        }
    }
}
