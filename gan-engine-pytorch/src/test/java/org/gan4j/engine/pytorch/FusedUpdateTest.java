package org.gan4j.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.gan4j.api.engine.GanEngines;
import org.junit.jupiter.api.Test;

/**
 * gan-optimizers' fused updates are DJL's engine-neutral {@code NDArrayEx.adamUpdate}/{@code sgdUpdate}; called
 * with gan-optimizers' arguments they give the textbook step on PyTorch as on MXNet.
 */
class FusedUpdateTest {

    @Test
    void adamsFirstStepMovesEachWeightByTheLearningRate() {
        GanEngines.select("pytorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, -2f});
            NDArray g = manager.create(new float[] {0.5f, -3f});
            NDArray m = w.zerosLike();
            NDArray v = w.zerosLike();
            float lr = 0.1f;
            float b1 = 0.9f;
            float b2 = 0.999f;
            float corrected = (float) (lr * Math.sqrt(1 - b2) / (1 - b1)); // AdamSpec's bias-corrected rate at t = 1
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, m, v), new NDList(w), lr, corrected, 0f, 1f, -1f,
                    b1, b2, 1e-8f, false, false);
            float[] after = w.toFloatArray();
            assertEquals(0.9f, after[0], 1e-5f); // m̂/√v̂ = sign(g) at the first step
            assertEquals(-1.9f, after[1], 1e-5f);
            assertEquals(0.05f, m.toFloatArray()[0], 1e-7f);
        }
    }

    @Test
    void sgdWithMomentumStepsAlongTheGradient() {
        GanEngines.select("pytorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f});
            NDArray g = manager.create(new float[] {0.5f});
            NDArray momentum = w.zerosLike();
            w.getNDArrayInternal().sgdUpdate(new NDList(w, g, momentum), new NDList(w), 0.1f, 0f, 1f, -1f, 0.5f, false);
            assertEquals(0.95f, w.toFloatArray()[0], 1e-6f);
        }
    }
}
