package org.gan4j.losses;

import static org.gan4j.losses.LossHarness.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LSGAN: D ½E[(l_r - b)²] + ½E[(l_f - a)²], G ½E[(l_f - c)²], on raw outputs. */
class LeastSquaresLossTest {
    private static final float[] REAL = {1.5f, -0.3f, 0.8f, 3f};
    private static final float[] FAKE = {-1f, 0.2f, 2.5f, 0f};
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static void assertMatchesFormula(LeastSquaresLoss loss, double a, double b, double c) {
        int n = REAL.length;
        double d = 0.5 * mean(REAL, l -> (l - b) * (l - b)) + 0.5 * mean(FAKE, l -> (l - a) * (l - a));
        double g = 0.5 * mean(FAKE, l -> (l - c) * (l - c));
        assertEquals(d, LossHarness.dLoss(manager, loss, REAL, FAKE), 1e-5, "D's loss");
        assertEquals(g, LossHarness.gLoss(manager, loss, FAKE), 1e-5, "G's loss");

        float[][] dGrad = LossHarness.dGradient(manager, loss, REAL, FAKE);
        float[] gGrad = LossHarness.gGradient(manager, loss, FAKE);
        for (int i = 0; i < n; i++) {
            assertEquals((REAL[i] - b) / n, dGrad[0][i], 1e-6, "dL_D/dl_real = (l - b)/n at " + REAL[i]);
            assertEquals((FAKE[i] - a) / n, dGrad[1][i], 1e-6, "dL_D/dl_fake = (l - a)/n at " + FAKE[i]);
            assertEquals((FAKE[i] - c) / n, gGrad[i], 1e-6, "dL_G/dl_fake = (l - c)/n at " + FAKE[i]);
        }
    }

    @Test
    void defaultTargetsAreZeroOneOne() {
        LeastSquaresLoss loss = new LeastSquaresLoss();
        assertEquals(0.0, loss.getFakeTarget());
        assertEquals(1.0, loss.getRealTarget());
        assertEquals(1.0, loss.getGeneratorTarget());
        assertMatchesFormula(loss, 0, 1, 1);
    }

    @Test
    void configuredTargetsAreUsed() {
        // Mao et al.'s other choice: a = -1, b = 1, c = 0.
        LeastSquaresLoss loss = new LeastSquaresLoss();
        loss.setFakeTarget(-1);
        loss.setRealTarget(1);
        loss.setGeneratorTarget(0);
        assertMatchesFormula(loss, -1, 1, 0);
    }

    @Test
    void lossIsZeroExactlyAtTheTargets() {
        LeastSquaresLoss loss = new LeastSquaresLoss();
        assertEquals(0.0, LossHarness.dLoss(manager, loss, new float[] {1f, 1f}, new float[] {0f, 0f}), 0.0);
        assertEquals(0.0, LossHarness.gLoss(manager, loss, new float[] {1f, 1f}), 0.0);
        // One unit off on each side: ½·1 + ½·1.
        assertEquals(1.0, LossHarness.dLoss(manager, loss, new float[] {0f}, new float[] {1f}), 1e-7);
    }
}
