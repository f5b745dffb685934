package org.gan4j.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.gan4j.api.testing.ImageChecks;

/**
 * A few real training steps of every shipped example (examples/conditional/*.yaml) through the one
 * trainer: the task's pairs reach G and D, the reconstruction term is logged, evaluation reports the
 * model beside the baseline, and the before/after grid is drawn.
 */
class ConditionalTrainingTest {
    private static final GanFramework FRAMEWORK = GanFramework.discover();
    private static final Path EXAMPLES = Path.of("..", "examples", "conditional").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({
        "super-resolution, psnr psnr_baseline ssim ssim_baseline psnr_y psnr_y_baseline, true",
        "colorization, psnr psnr_baseline colourfulness colourfulness_baseline colourfulness_target, true",
        "inpainting, hole_l1 hole_l1_baseline hole_psnr hole_psnr_baseline psnr_baseline, true",
        "class-conditional, '', false"})
    void aFewStepsTrainEvaluateAndDraw(String name, String keys, boolean reconstruction, @TempDir Path dir)
            throws Exception {
        List<String> overrides = List.of("trainer.steps=3", "trainer.log_every=1", "eval.every=0", "eval.samples=16",
                "trainer.batch_size=4");
        if (name.equals("class-conditional")) { // the classifier metric trains a CNN: not for a unit test
            overrides = new java.util.ArrayList<>(overrides);
            overrides.add("eval.metrics=[]");
        }
        ExperimentRunner.Result result = FRAMEWORK.runner().run(
                FRAMEWORK.configLoader().load(EXAMPLES.resolve(name + ".yaml"), overrides), RunOptions.into(dir));
        assertEquals(3, result.summary().step());
        Map<String, Double> metrics = result.summary().finalMetrics();
        for (String key : keys.isBlank() ? new String[0] : keys.split(" ")) {
            assertTrue(metrics.containsKey(key) && Double.isFinite(metrics.get(key)), key + " in " + metrics);
        }
        List<String> log = Files.readAllLines(dir.resolve("metrics.csv"));
        int recon = Arrays.asList(log.get(0).split(",")).indexOf("g_recon");
        String cell = log.get(log.size() - 1).split(",", -1)[recon];
        double lastRecon = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell); // empty: no such term
        assertEquals(reconstruction, Double.isFinite(lastRecon) && lastRecon > 0, "g_recon " + lastRecon);
        var grid = ImageChecks.assertNotBlank(dir.resolve("samples.png"));
        if (name.equals("class-conditional")) { // one row per class, eight columns
            assertTrue(grid.getHeight() > grid.getWidth(), grid.getWidth() + "x" + grid.getHeight());
        }
        // gan sample restores G and draws held-out conditions (a class-conditional run: whole rows per class)
        Path sampled = dir.resolve("sampled.png");
        Path from = FRAMEWORK.sampler().sample(dir, 5, 7, sampled, null);
        assertTrue(from.getFileName().toString().startsWith("step-"), from.toString());
        ImageChecks.assertNotBlank(sampled);
    }
}
