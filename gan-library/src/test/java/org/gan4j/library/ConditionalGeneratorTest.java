package org.gan4j.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class-conditional and image-conditional generators: classes, condition images, sizes and ranges. */
class ConditionalGeneratorTest {
    static final Gan4j GAN = LibraryTrainingTest.GAN;
    @TempDir
    Path tmp;

    @Test
    void classConditionalGeneratorTakesClassIdsInRange() {
        Path run = GAN.experiment(Path.of("../examples/conditional/class-conditional.yaml"))
                .set("model.base_width", 4).set("trainer.steps", 2).set("trainer.batch_size", 8)
                .set("trainer.log_every", 1).set("data.limit", 64).set("eval.metrics", "[]")
                .set("eval.samples", 10).set("output.plots", false).outDir(tmp.resolve("cc")).train().runDir();
        try (TrainedGenerator g = GAN.openGenerator(run)) {
            g.export(tmp.resolve("cc-export"), false);
        }
        try (TrainedGenerator fromRun = GAN.openGenerator(run);
                TrainedGenerator g = GAN.openGenerator(tmp.resolve("cc-export"))) {
            assertEquals(10, g.numClasses());
            assertArrayEquals(new float[] {-1f, 1f}, g.valueRange());
            float[][] samples = g.generateForClasses(new int[] {0, 9, 3}, 5);
            assertEquals(3, samples.length);
            assertEquals(28 * 28, samples[0].length);
            assertArrayEquals(fromRun.generateForClasses(new int[] {0, 9, 3}, 5), samples);
            for (float v : samples[1]) {
                assertTrue(v >= -1f && v <= 1f, "tanh output in [-1, 1]: " + v);
            }
            BufferedImage image = g.toImage(samples[0]);
            assertEquals(28, image.getWidth());
            assertTrue(g.grid(samples, 3).getWidth() > 3 * 28);

            ClassIdException range = assertThrows(ClassIdException.class,
                    () -> g.generateForClasses(new int[] {2, 10}, 0));
            assertEquals("class id 10 (at index 1) is out of range; this generator has 10 classes: ids 0..9",
                    range.getMessage());
            ClassIdException needed = assertThrows(ClassIdException.class, () -> g.generate(4, 0));
            assertTrue(needed.getMessage().startsWith("this generator is class-conditional (10 classes)"));
        }
    }

    @Test
    void imageConditionalGeneratorTakesTheTrainedSizeAndRangeOnly() {
        Path run = GAN.experiment(Path.of("../examples/conditional/super-resolution.yaml"))
                .set("model.filters", 4).set("model.max_filters", 8).set("model.depth", 2)
                .set("trainer.steps", 1).set("trainer.batch_size", 4).set("trainer.log_every", 1)
                .set("eval.metrics", "[]").set("eval.samples", 4).set("checkpoint.best_metric", "")
                .set("checkpoint.every", 0).set("output.plots", false).outDir(tmp.resolve("sr")).train().runDir();
        try (TrainedGenerator g = GAN.openGenerator(run)) {
            assertArrayEquals(new long[] {3, 32, 32}, g.conditionShape());
            BufferedImage photo = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            photo.setRGB(3, 4, 0xff8000);
            float[] condition = g.conditionFromImage(photo);
            assertEquals(1f, condition[4 * 32 + 3]);
            assertEquals(-1f, condition[2 * 32 * 32 + 4 * 32 + 3]);
            float[][] out = g.generateFromConditions(new float[][] {condition, condition}, 1);
            assertEquals(2, out.length);
            assertEquals(3 * 32 * 32, out[0].length);

            ConditionException size = assertThrows(ConditionException.class,
                    () -> g.conditionFromImage(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));
            assertEquals("condition image is 64x64; this generator takes the trained size 32x32 (other sizes are "
                    + "refused)", size.getMessage());
            ConditionException shape = assertThrows(ConditionException.class,
                    () -> g.generateFromConditions(new float[][] {new float[3 * 16 * 16]}, 1));
            assertTrue(shape.getMessage().startsWith("condition 0 has 768 values; this generator takes the trained "
                    + "shape [3, 32, 32] = 3072 values"), shape.getMessage());
            float[] bright = condition.clone();
            bright[7] = 255f;
            ConditionException range = assertThrows(ConditionException.class,
                    () -> g.generateFromConditions(new float[][] {bright}, 1));
            assertEquals("condition 0 has value 255.0 at index 7; conditions take values in [-1, 1] (pixels as "
                    + "byte/127.5 - 1)", range.getMessage());
            assertThrows(ConditionException.class, () -> g.generate(1, 0));
        }
    }
}
