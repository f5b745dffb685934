package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.gan4j.core.config.GeneratorEmaConfig;
import org.junit.jupiter.api.Test;

/** The average follows θ_EMA ← θ before start, β·θ_EMA + (1 − β)·θ from it on; swapping restores G exactly. */
class GeneratorEmaTest {

    @Test
    void theAverageEqualsTheHandRecursion() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g = Linear.builder().setUnits(3).build();
            g.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            GeneratorEmaConfig config = new GeneratorEmaConfig();
            config.setDecay(0.75);
            config.setStart(2);
            GeneratorEma ema = new GeneratorEma(config, g, manager);
            Parameter weight = g.getParameters().get("weight");
            double expected = 0;
            float[] values = {1f, -2f, 4f, 0.5f, 3f};
            for (int step = 0; step < values.length; step++) {
                weight.getArray().set(new float[] {values[step], values[step], values[step], values[step],
                        values[step], values[step]});
                ema.update(step);
                expected = step < 2 ? values[step] : 0.75 * expected + 0.25 * values[step];
            }
            // step 0, 1 copy; then 0.75·(-2) + 0.25·4 = -0.5; 0.75·(-0.5) + 0.125 = -0.25; 0.75·(-0.25) + 0.75 = 0.5625
            assertEquals(0.5625, expected, 1e-12);
            for (float v : ema.average("weight").toFloatArray()) {
                assertEquals(expected, v, 1e-6);
            }
            float[] trained = weight.getArray().toFloatArray();
            float[] seen = ema.withAverage(() -> weight.getArray().toFloatArray());
            assertEquals(0.5625f, seen[0], 1e-6f);
            assertArrayEquals(trained, weight.getArray().toFloatArray(), "the trained weights are back afterwards");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ema.saveState(new DataOutputStream(bytes));
            GeneratorEma other = new GeneratorEma(config, g, manager);
            other.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(ema.average("weight").toFloatArray(), other.average("weight").toFloatArray(), 0f);
            for (Pair<String, Parameter> p : g.getParameters()) {
                NDArray a = ema.average(p.getKey());
                assertArrayEquals(a.toFloatArray(), other.average(p.getKey()).toFloatArray(), 0f);
            }
            byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), 4);
            cut[3] = 9; // claims nine arrays
            assertThrows(IOException.class, () -> other.loadState(new DataInputStream(new ByteArrayInputStream(cut))));
        }
    }

    @Test
    void decayOutsideTheOpenIntervalIsRefused() {
        GeneratorEmaConfig config = new GeneratorEmaConfig();
        assertThrows(IllegalArgumentException.class, () -> config.setDecay(1.0));
        assertThrows(IllegalArgumentException.class, () -> config.setDecay(0.0));
        assertThrows(IllegalArgumentException.class, () -> config.setDecay(Double.NaN));
    }
}
