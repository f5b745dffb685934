package org.gan4j.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.testing.ImageChecks;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resnet architecture takes the class-conditional task where dcgan does (concatenated one-hot labels), with
 * spectral norm on both networks; gan sample restores G's spectral-norm vectors with its weights. Also with
 * conditional batch norm in G and an auxiliary-classifier D (AC-GAN's class terms), spectral norm and G's average.
 */
class ResnetClassConditionalTest {
    private static final GanFramework FRAMEWORK = GanFramework.discover();
    private static final Path EXAMPLE = Path.of("..", "examples", "conditional", "class-conditional.yaml")
            .toAbsolutePath().normalize();

    @Test
    void aFewClassConditionalStepsAndASampleGrid(@TempDir Path dir) throws Exception {
        List<String> overrides = List.of("trainer.steps=3", "trainer.log_every=1", "eval.every=0", "eval.samples=16",
                "trainer.batch_size=4", "eval.metrics=[]", "data.limit=200", "latent.dim=16",
                "model={type: resnet, generator_width: 8, discriminator_width: 8, spectral_norm: both}");
        ExperimentRunner.Result result = FRAMEWORK.runner().run(
                FRAMEWORK.configLoader().load(EXAMPLE, overrides), RunOptions.into(dir));
        assertEquals(3, result.summary().step());
        Path sampled = dir.resolve("sampled.png");
        FRAMEWORK.sampler().sample(dir, 5, 7, sampled, null);
        ImageChecks.assertNotBlank(sampled);
        assertTrue(java.nio.file.Files.size(sampled) > 0);
    }

    @Test
    void conditionalBatchNormAndAnAuxiliaryClassifierWithSpectralNormAndGsAverage(@TempDir Path dir) throws Exception {
        List<String> overrides = List.of("trainer.steps=3", "trainer.log_every=1", "eval.every=0", "eval.samples=16",
                "trainer.batch_size=4", "eval.metrics=[]", "data.limit=200", "latent.dim=16",
                "trainer.generator_ema={decay: 0.9}",
                "model={type: resnet, generator_width: 8, discriminator_width: 8, spectral_norm: both, "
                        + "generator_conditioning: conditional_batchnorm, "
                        + "discriminator_conditioning: auxiliary_classifier, attention_at: 14}");
        ExperimentRunner.Result result = FRAMEWORK.runner().run(
                FRAMEWORK.configLoader().load(EXAMPLE, overrides), RunOptions.into(dir));
        assertEquals(3, result.summary().step());
        Path sampled = dir.resolve("sampled.png");
        FRAMEWORK.sampler().sample(dir, 5, 7, sampled, null);
        ImageChecks.assertNotBlank(sampled);
    }
}
