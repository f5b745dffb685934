package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DiffAugment: each policy does what its formula says, the same seed gives the same T, and gradients pass T. */
class DiffAugmentTest {

    private static DiffAugment with(String... policies) {
        DiffAugment d = new DiffAugment();
        d.setPolicies(List.of(policies));
        return d;
    }

    @Test
    void sameSeedSameAugmentationAndTheGradientFlowsThrough() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1, 1, new Shape(8, 3, 16, 16));
            DiffAugment all = new DiffAugment();
            assertArrayEquals(all.apply(x, 5).toFloatArray(), all.apply(x, 5).toFloatArray(), 0f);
            assertFalse(java.util.Arrays.equals(all.apply(x, 5).toFloatArray(), all.apply(x, 6).toFloatArray()));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(all.apply(x, 5).square().sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            double norm = 0;
            for (float g : gradient) {
                norm += g * g;
            }
            assertTrue(norm > 0, "d/dx of T(x) reaches the input (G in training)");
        }
    }

    @Test
    void colorFollowsBrightnessSaturationContrast() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(-1, 1, new Shape(2, 3, 4, 4));
            float[] out = with("color").apply(x, 11).toFloatArray();
            SplittableRandom random = new SplittableRandom(11);
            double[][] r = new double[3][2];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 2; i++) {
                    r[k][i] = (float) random.nextDouble();
                }
            }
            float[] in = x.toFloatArray();
            for (int i = 0; i < 2; i++) {
                double[] y = new double[48];
                for (int j = 0; j < 48; j++) {
                    y[j] = in[i * 48 + j] + (r[0][i] - 0.5);
                }
                double[] s = new double[48];
                for (int p = 0; p < 16; p++) {
                    double m = (y[p] + y[16 + p] + y[32 + p]) / 3;
                    for (int c = 0; c < 3; c++) {
                        s[c * 16 + p] = (y[c * 16 + p] - m) * 2 * r[1][i] + m;
                    }
                }
                double mean = java.util.Arrays.stream(s).average().orElseThrow();
                for (int j = 0; j < 48; j++) {
                    assertEquals((s[j] - mean) * (r[2][i] + 0.5) + mean, out[i * 48 + j], 1e-5);
                }
            }
        }
    }

    @Test
    void translationMovesByAtMostAnEighthAndCutoutZeroesHalfASide() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ones = manager.ones(new Shape(32, 1, 16, 16));
            float[] moved = with("translation").apply(ones, 3).toFloatArray();
            float[] cut = with("cutout").apply(ones, 3).toFloatArray();
            boolean sawShift = false;
            for (int i = 0; i < 32; i++) {
                int kept = 0;
                int zeros = 0;
                for (int p = 0; p < 256; p++) {
                    kept += moved[i * 256 + p] == 1f ? 1 : 0;
                    zeros += cut[i * 256 + p] == 0f ? 1 : 0;
                }
                assertTrue(kept >= 14 * 14, "a shift of at most 2 pixels per axis keeps at least 14x14 pixels");
                sawShift |= kept < 256;
                assertTrue(zeros > 0 && zeros <= 64, "the cut square is at most 8x8 (clipped at the border): " + zeros);
            }
            assertTrue(sawShift);
        }
    }

    @Test
    void unknownPolicyWordIsRefusedNamingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with("color", "rotate"));
        assertEquals("'rotate' is not a DiffAugment policy; expected any of color, translation, cutout", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with());
    }
}
