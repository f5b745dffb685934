package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.RegularizerContext;
import org.junit.jupiter.api.Test;

/** bCR's T is a flip and a bounded translation, reproducible per seed; the term follows its formula. */
class ConsistencyRegularizerTest {

    @Test
    void eachAugmentedImageIsAFlipAndAShiftOfItsSource() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int n = 16;
            float[] values = new float[n * 8 * 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = 1 + i; // every pixel distinct, none zero
            }
            NDArray images = manager.create(values, new Shape(n, 1, 8, 8));
            float[] out = FlipTranslate.apply(images, 42).toFloatArray();
            assertArrayEquals(out, FlipTranslate.apply(images, 42).toFloatArray(), 0f, "same seed, same T");
            assertFalse(java.util.Arrays.equals(out, FlipTranslate.apply(images, 43).toFloatArray()));
            boolean sawFlip = false;
            boolean sawShift = false;
            for (int i = 0; i < n; i++) {
                boolean matched = false;
                for (int flip = 0; flip < 2 && !matched; flip++) {
                    for (int dy = -1; dy <= 1 && !matched; dy++) {
                        for (int dx = -1; dx <= 1 && !matched; dx++) {
                            if (matches(values, out, i, flip == 1, dy, dx)) {
                                matched = true;
                                sawFlip |= flip == 1;
                                sawShift |= dy != 0 || dx != 0;
                            }
                        }
                    }
                }
                assertTrue(matched, "image " + i + " is a flip and a shift by at most 8/8 = 1 pixel");
            }
            assertTrue(sawFlip && sawShift, "16 draws include a flip and a shift");
        }
    }

    private static boolean matches(float[] in, float[] out, int image, boolean flip, int dy, int dx) {
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int fy = y - dy;
                int fx = x - dx;
                float expected = 0;
                if (fy >= 0 && fy < 8 && fx >= 0 && fx < 8) {
                    expected = in[image * 64 + fy * 8 + (flip ? 7 - fx : fx)];
                }
                if (out[image * 64 + y * 8 + x] != expected) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theTermIsTheWeightedMeanSquaredGap() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray real = manager.randomUniform(0, 1, new Shape(4, 1, 8, 8));
            NDArray fake = manager.randomUniform(0, 1, new Shape(4, 1, 8, 8));
            Function<NDArray, NDArray> d = x -> x.sum(new int[] {1, 2, 3}).reshape(-1, 1); // the sum of pixels
            ConsistencyRegularizer bcr = new ConsistencyRegularizer();
            bcr.setLambdaReal(2);
            bcr.setLambdaFake(3);
            Context context = new Context(real, fake, d, 7);
            float term = bcr.term(context).getFloat();
            double realGap = meanSquare(d.apply(real).toFloatArray(), d.apply(FlipTranslate.apply(real, 7)).toFloatArray());
            double fakeGap = meanSquare(d.apply(fake).toFloatArray(),
                    d.apply(FlipTranslate.apply(fake, 7 ^ 0x9E3779B97F4A7C15L)).toFloatArray());
            assertEquals(2 * realGap + 3 * fakeGap, term, 1e-4 * (1 + term));
            assertTrue(term > 0, "translations drop border pixels, so the sums differ");
            assertEquals(10, new ConsistencyRegularizer().getLambdaReal());
            assertThrows(IllegalArgumentException.class, () -> bcr.setLambdaFake(-1));
            NDArray points = manager.zeros(new Shape(4, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> bcr.term(new Context(points, points, d, 1)));
            assertTrue(e.getMessage().contains("images"), e.getMessage());
        }
    }

    private static double meanSquare(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** A D-step context with samples and a stand-in discriminator. */
    private record Context(NDArray realSamples, NDArray fakeSamples, Function<NDArray, NDArray> d, long randomSeed)
            implements RegularizerContext {
        @Override
        public NDArray realLogits() {
            return d.apply(realSamples);
        }

        @Override
        public NDArray fakeLogits() {
            return d.apply(fakeSamples);
        }

        @Override
        public NDArray discriminate(NDArray samples) {
            return d.apply(samples);
        }

        @Override
        public long update() {
            return 0;
        }

        @Override
        public NDArray inputGradient(NDArray samples) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void log(String column, double value) {}

        @Override
        public Phase phase() {
            return Phase.DISCRIMINATOR;
        }

        @Override
        public long step() {
            return 0;
        }
    }
}
