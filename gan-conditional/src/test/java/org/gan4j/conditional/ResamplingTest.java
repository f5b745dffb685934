package org.gan4j.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void keysKernelInterpolatesAndSumsToOne() {
        assertEquals(1.0, Resampling.cubic(0), 0);
        assertEquals(0.0, Resampling.cubic(1), 1e-12);
        assertEquals(0.0, Resampling.cubic(2), 1e-12);
        // a = -0.5 at 0.5: (1.5)(0.125) - (2.5)(0.25) + 1 = 0.5625; at 1.5: -0.5(3.375) + 2.5(2.25) - 6 + 2 = -0.0625
        assertEquals(0.5625, Resampling.cubic(0.5), 1e-12);
        assertEquals(-0.0625, Resampling.cubic(1.5), 1e-12);
        for (int[] io : new int[][] {{32, 16}, {32, 8}, {16, 32}, {8, 32}, {7, 3}}) {
            for (float[] row : Resampling.bicubicMatrix(io[0], io[1])) {
                double sum = 0;
                for (float v : row) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void bicubicUpscalingReproducesALinearRampAwayFromTheEdges() {
        // Keys' kernel reproduces polynomials up to degree 2, so a ramp is interpolated exactly.
        float[][] up = Resampling.bicubicMatrix(8, 16);
        for (int o = 4; o < 12; o++) {
            double value = 0;
            for (int i = 0; i < 8; i++) {
                value += up[o][i] * i;
            }
            assertEquals((o + 0.5) / 2 - 0.5, value, 1e-5, "output pixel " + o);
        }
    }

    @Test
    void areaAveragesBlocksAndConstantsSurviveEveryResize() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray image = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                    new Shape(1, 1, 4, 4));
            NDArray area = Resampling.apply(image, Resampling.areaMatrix(4, 2), Resampling.areaMatrix(4, 2));
            assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, area.toFloatArray(), 1e-6f);

            NDArray flat = m.full(new Shape(2, 3, 16, 16), 0.25f);
            NDArray down = Resampling.apply(flat, Resampling.bicubicMatrix(16, 8), Resampling.bicubicMatrix(16, 4));
            assertEquals(new Shape(2, 3, 8, 4), down.getShape());
            for (float v : down.toFloatArray()) {
                assertEquals(0.25f, v, 1e-6f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Resampling.areaMatrix(10, 4));
    }
}
