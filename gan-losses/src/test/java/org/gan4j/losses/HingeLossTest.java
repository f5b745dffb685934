package org.gan4j.losses;

import static org.gan4j.losses.LossHarness.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hinge: D E[relu(1 - l_r)] + E[relu(1 + l_f)], G -E[l_f]. */
class HingeLossTest {
    // Logits on both sides of each margin (never exactly at a kink, where relu's derivative is a convention).
    private static final float[] REAL = {2f, 0.5f, -1f, 1.25f, -3f};
    private static final float[] FAKE = {-2f, -0.5f, 1f, -1.5f, 0.25f};
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void valuesMatchTheFormula() {
        HingeLoss loss = new HingeLoss();
        double d = mean(REAL, l -> Math.max(0, 1 - l)) + mean(FAKE, l -> Math.max(0, 1 + l));
        assertEquals(d, LossHarness.dLoss(manager, loss, REAL, FAKE), 1e-6);
        assertEquals(-mean(FAKE, l -> l), LossHarness.gLoss(manager, loss, FAKE), 1e-6);
        // By hand for a small batch: real {2, 0.5} -> (0 + 0.5)/2, fake {-2, 1} -> (0 + 2)/2.
        assertEquals(0.25 + 1.0, LossHarness.dLoss(manager, loss, new float[] {2f, 0.5f}, new float[] {-2f, 1f}), 1e-7);
    }

    @Test
    void gradientsAreConstantInsideTheMarginAndZeroOutside() {
        HingeLoss loss = new HingeLoss();
        int n = REAL.length;
        float[][] dGrad = LossHarness.dGradient(manager, loss, REAL, FAKE);
        float[] gGrad = LossHarness.gGradient(manager, loss, FAKE);
        for (int i = 0; i < n; i++) {
            assertEquals(REAL[i] < 1 ? -1.0 / n : 0.0, dGrad[0][i], 1e-7, "real logit " + REAL[i]);
            assertEquals(FAKE[i] > -1 ? 1.0 / n : 0.0, dGrad[1][i], 1e-7, "fake logit " + FAKE[i]);
            assertEquals(-1.0 / n, gGrad[i], 1e-7, "G: -1/n everywhere");
        }
    }

    @Test
    void confidentlyCorrectDiscriminatorHasZeroLoss() {
        assertEquals(0.0, LossHarness.dLoss(manager, new HingeLoss(), new float[] {1f, 7f}, new float[] {-1f, -9f}), 0.0);
    }
}
