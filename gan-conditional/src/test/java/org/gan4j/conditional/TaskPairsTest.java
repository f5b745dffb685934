package org.gan4j.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each task's (condition, target) construction, composition, reconstruction term and baseline. */
class TaskPairsTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray randomImages(int b, int c, int h, int w, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[b * c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return manager.create(v, new Shape(b, c, h, w));
    }

    @Test
    void superResolutionGivesGTheBicubicUpscalingOfTheDownscaledImage() {
        SuperResolutionTask task = new SuperResolutionTask();
        task.setFactor(4);
        ModelSpec spec = task.modelSpec(new Shape(3, 32, 32), 0, 8);
        assertEquals(new Shape(3, 32, 32), spec.conditionShape());
        NDArray x = randomImages(2, 3, 32, 32, 1);
        ConditionalPair pair = task.pair(manager, new Batch(x, null), 0);
        assertEquals(new Shape(2, 3, 32, 32), pair.condition().getShape());
        assertEquals(new Shape(2, 3, 8, 8), task.lowResolution(x).getShape());
        assertArrayEquals(pair.condition().toFloatArray(), task.baseline(pair).orElseThrow().toFloatArray());
        assertNull(pair.mask());
        // The condition keeps the coarse content (its 4x4 block means track x's) but not the detail.
        NDArray coarseX = Resampling.apply(x, Resampling.areaMatrix(32, 8), Resampling.areaMatrix(32, 8));
        NDArray coarseC = Resampling.apply(pair.condition(), Resampling.areaMatrix(32, 8), Resampling.areaMatrix(32, 8));
        double coarseError = coarseX.sub(coarseC).abs().mean().getFloat();
        double pixelError = x.sub(pair.condition()).abs().mean().getFloat();
        assertTrue(coarseError < 0.5 * pixelError, coarseError + " vs " + pixelError);
        // The preview is the low-resolution image with square pixels: constant on 4x4 blocks.
        float[] preview = task.preview(pair).orElseThrow().toFloatArray();
        assertEquals(preview[0], preview[3 * 32 + 3]);
        assertThrows(IllegalArgumentException.class, () -> task.modelSpec(new Shape(3, 30, 30), 0, 8));
        assertThrows(IllegalArgumentException.class, () -> task.modelSpec(new Shape(2), 0, 8));
    }

    @Test
    void areaDownscalingIsTheBlockMean() {
        SuperResolutionTask task = new SuperResolutionTask();
        task.setDownscale("area");
        NDArray x = randomImages(1, 1, 4, 4, 2);
        float[] v = x.toFloatArray();
        float expected = (v[0] + v[1] + v[4] + v[5]) / 4;
        assertEquals(expected, task.lowResolution(x).toFloatArray()[0], 1e-6f);
    }

    @Test
    void colorizationConditionIsTheLumaAndTheBaselineIsGrayRgb() {
        ColorizationTask task = new ColorizationTask();
        assertEquals(new Shape(1, 8, 8), task.modelSpec(new Shape(3, 8, 8), 0, 4).conditionShape());
        assertThrows(IllegalArgumentException.class, () -> task.modelSpec(new Shape(1, 8, 8), 0, 4));
        // one pure red pixel and one white pixel in [-1, 1]
        NDArray x = manager.create(new float[] {1, 1, -1, 1, -1, 1}, new Shape(1, 3, 1, 2));
        ConditionalPair pair = task.pair(manager, new Batch(x, null), 0);
        assertArrayEquals(new float[] {0.299f - 0.587f - 0.114f, 1f}, pair.condition().toFloatArray(), 1e-6f);
        float[] baseline = task.baseline(pair).orElseThrow().toFloatArray();
        assertArrayEquals(new float[] {-0.402f, 1f, -0.402f, 1f, -0.402f, 1f}, baseline, 1e-6f);
        // G's colours are kept but its luminance is replaced by the given one (away from the clip)
        NDArray dark = randomImages(2, 3, 4, 4, 9).mul(0.3f);
        NDArray gray = randomImages(2, 1, 4, 4, 10).mul(0.3f);
        NDArray composed = task.compose(ConditionalPair.of(gray, dark), dark);
        assertArrayEquals(gray.toFloatArray(), ColorizationTask.luma(composed).toFloatArray(), 1e-5f);
        NDArray chroma = dark.sub(ColorizationTask.luma(dark));
        assertArrayEquals(chroma.toFloatArray(), composed.sub(ColorizationTask.luma(composed)).toFloatArray(), 1e-5f);
    }

    @Test
    void inpaintingCutsTheHoleAndPastesOnlyIntoIt() {
        InpaintingTask task = new InpaintingTask();
        task.setHoleSize(0.5);
        assertEquals(new Shape(4, 8, 8), task.modelSpec(new Shape(3, 8, 8), 0, 4).conditionShape());
        NDArray x = randomImages(2, 3, 8, 8, 3);
        ConditionalPair pair = task.pair(manager, new Batch(x, null), 11);
        float[] mask = pair.mask().toFloatArray();
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < 8; y++) {
                for (int xx = 0; xx < 8; xx++) {
                    boolean inside = y >= 2 && y < 6 && xx >= 2 && xx < 6; // centre 4x4 hole
                    assertEquals(inside ? 1f : 0f, mask[i * 64 + y * 8 + xx], "image " + i + " y " + y + " x " + xx);
                }
            }
        }
        // condition = (masked image, mask): the hole is zero in the image channels
        float[] condition = pair.condition().toFloatArray();
        float[] image = x.toFloatArray();
        assertEquals(0f, condition[3 * 8 + 3], 0f); // (-0.0 from a negative pixel times 0 counts too)
        assertEquals(image[0], condition[0]);
        assertEquals(1f, condition[3 * 64 + 3 * 8 + 3]);
        // compose keeps every known pixel exactly and takes G's pixels inside the hole
        NDArray generated = manager.full(x.getShape(), 0.7f);
        float[] composed = task.compose(pair, generated).toFloatArray();
        for (int i = 0; i < composed.length; i++) {
            int p = i % 64;
            boolean inside = mask[(i / 192) * 64 + p] == 1f;
            assertEquals(inside ? 0.7f : image[i], composed[i], 0f);
        }
        // the reconstruction term counts the hole only: a perfect hole costs nothing
        assertEquals(0f, task.reconstructionLoss(pair, task.compose(pair, x)).orElseThrow().getFloat(), 1e-7f);
        float holeL1 = task.reconstructionLoss(pair, task.compose(pair, generated)).orElseThrow().getFloat() / 100f;
        double expected = 0;
        for (int i = 0; i < image.length; i++) {
            if (mask[(i / 192) * 64 + i % 64] == 1f) {
                expected += Math.abs(0.7 - image[i]);
            }
        }
        assertEquals(expected / (2 * 3 * 16), holeL1, 1e-5);
        // mean fill: the hole gets the mean of the known pixels of the same image and channel
        float[] baseline = task.baseline(pair).orElseThrow().toFloatArray();
        double known = 0;
        for (int p = 0; p < 64; p++) {
            if (mask[p] == 0f) {
                known += image[p];
            }
        }
        assertEquals(known / 48, baseline[3 * 8 + 3], 1e-5);
        assertEquals(image[0], baseline[0]);
    }

    @Test
    void randomHolesFitAreSeededAndVary() {
        InpaintingTask task = new InpaintingTask();
        task.setHole("random");
        task.setHoleSize(0.25);
        Shape shape = new Shape(16, 3, 16, 16);
        float[] a = task.masks(manager, shape, 5).toFloatArray();
        assertArrayEquals(a, task.masks(manager, shape, 5).toFloatArray());
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(task.masks(manager, shape, 6).toFloatArray()));
        for (int i = 0; i < 16; i++) {
            float holeArea = 0;
            for (int p = 0; p < 256; p++) {
                holeArea += a[i * 256 + p];
            }
            assertEquals(16f, holeArea, "image " + i); // a whole 4x4 hole inside the 16x16 image
        }
        assertThrows(IllegalArgumentException.class, () -> task.setHoleSize(1.0));
        assertThrows(IllegalArgumentException.class, () -> task.setHole("ring"));
    }

    @Test
    void classConditionalPairsLabelsAndOrdersEvaluationByClass() {
        ClassConditionalTask task = new ClassConditionalTask();
        assertThrows(IllegalArgumentException.class, () -> task.modelSpec(new Shape(1, 28, 28), 0, 64));
        ModelSpec spec = task.modelSpec(new Shape(1, 28, 28), 10, 64);
        assertEquals(10, spec.numClasses());
        NDArray x = randomImages(20, 1, 2, 2, 4);
        NDArray labels = manager.create(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4});
        ConditionalPair train = task.pair(manager, new Batch(x, labels), 0);
        assertEquals(3f, train.condition().toFloatArray()[0]);
        float[] ordered = task.evaluationPair(manager, new Batch(x, labels), 0).condition().toFloatArray();
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9}, ordered);
        assertThrows(IllegalStateException.class, () -> task.pair(manager, new Batch(x, null), 0));
    }

    @Test
    void freeFormHolesAreStrokesOfTheSquaresAreaSeededPerImage() {
        InpaintingTask task = new InpaintingTask();
        task.setHole("free-form");
        task.setHoleSize(0.5);
        Shape shape = new Shape(8, 3, 32, 32);
        float[] a = task.masks(manager, shape, 3).toFloatArray();
        assertArrayEquals(a, task.masks(manager, shape, 3).toFloatArray());
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            float[] one = java.util.Arrays.copyOfRange(a, i * 1024, (i + 1) * 1024);
            int area = 0;
            int minY = 32, maxY = -1, minX = 32, maxX = -1;
            for (int p = 0; p < 1024; p++) {
                if (one[p] == 1f) {
                    area++;
                    minY = Math.min(minY, p / 32);
                    maxY = Math.max(maxY, p / 32);
                    minX = Math.min(minX, p % 32);
                    maxX = Math.max(maxX, p % 32);
                }
            }
            assertTrue(area >= 256 && area < 256 + 60, "image " + i + " covers " + area + " of 256 wanted");
            // strokes, not a filled rectangle: the bounding box holds more than the hole
            assertTrue((maxY - minY + 1) * (maxX - minX + 1) > area, "image " + i + " is a rectangle");
            distinct.add(java.util.Arrays.toString(one));
        }
        assertEquals(8, distinct.size());
    }

    @Test
    void diffusionFillIsHarmonicAndReproducesALinearRamp() {
        InpaintingTask task = new InpaintingTask();
        task.setBaseline("diffusion");
        task.setHoleSize(0.5);
        float[] ramp = new float[3 * 16 * 16];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    ramp[c * 256 + y * 16 + x] = 0.1f * x - 0.75f + 0.05f * y * c;
                }
            }
        }
        NDArray x = manager.create(ramp, new Shape(1, 3, 16, 16));
        ConditionalPair pair = task.pair(manager, new Batch(x, null), 0);
        float[] filled = task.baseline(pair).orElseThrow().toFloatArray();
        // A linear function is harmonic, so the fill from the hole's border is the ramp itself.
        assertArrayEquals(ramp, filled, 1e-4f);
        task.setBaseline("mean");
        float[] mean = task.baseline(pair).orElseThrow().toFloatArray();
        assertNotEquals(ramp[7 * 16 + 4], mean[7 * 16 + 4], 1e-2f);
        assertThrows(IllegalArgumentException.class, () -> task.setBaseline("telea"));
        // fill: G can be shown the same first guess in the hole (the image channels of its condition)
        task.setFill("diffusion");
        ConditionalPair guessed = task.pair(manager, new Batch(x, null), 0);
        assertArrayEquals(ramp, guessed.condition().get(":, 0:3").toFloatArray(), 1e-4f);
    }
}
