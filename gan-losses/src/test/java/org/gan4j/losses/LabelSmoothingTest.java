package org.gan4j.losses;

import static org.gan4j.losses.LossHarness.mean;
import static org.gan4j.losses.LossHarness.sigmoid;
import static org.gan4j.losses.LossHarness.softplus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.gan4j.api.loss.AdversarialLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-sided label smoothing (real_label s): D's real term is -[s log D(x) + (1 - s) log(1 - D(x))]
 * = s softplus(-l) + (1 - s) softplus(l), with gradient D(x) - s; the fake term and G are unchanged.
 */
class LabelSmoothingTest {
    private static final float[] REAL = {-4f, -0.5f, 0f, 1.3f, 2.1972246f, 6f};
    private static final float[] FAKE = {-2f, 0.7f, 3f};
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static List<SmoothedCrossEntropyConfig> losses(double s) {
        MinimaxLoss minimax = new MinimaxLoss();
        NonSaturatingLoss nonSaturating = new NonSaturatingLoss();
        minimax.setRealLabel(s);
        nonSaturating.setRealLabel(s);
        return List.of(minimax, nonSaturating);
    }

    @Test
    void defaultIsNoSmoothing() {
        assertEquals(1.0, new MinimaxLoss().getRealLabel());
        assertEquals(1.0, new NonSaturatingLoss().getRealLabel());
        double expected = mean(REAL, l -> -Math.log(sigmoid(l))) + mean(FAKE, l -> -Math.log(1 - sigmoid(l)));
        for (SmoothedCrossEntropyConfig loss : losses(1.0)) {
            assertEquals(expected, LossHarness.dLoss(manager, (AdversarialLoss) loss, REAL, FAKE), 1e-5);
        }
    }

    @Test
    void smoothedValueIsTheCrossEntropyAgainstTargetS() {
        double s = 0.9;
        // Straight from the definition, with probabilities (fine in doubles at these logits).
        double expected = mean(REAL, l -> -(s * Math.log(sigmoid(l)) + (1 - s) * Math.log(1 - sigmoid(l))))
                + mean(FAKE, l -> -Math.log(1 - sigmoid(l)));
        for (SmoothedCrossEntropyConfig loss : losses(s)) {
            assertEquals(expected, LossHarness.dLoss(manager, (AdversarialLoss) loss, REAL, FAKE), 1e-5,
                    loss.getClass().getSimpleName());
        }
        // Worked by hand at l = 0 (D = 1/2): every term is log 2 whatever s is.
        assertEquals(2 * Math.log(2), LossHarness.dLoss(manager, new MinimaxLossWith(0.7).loss, new float[] {0f},
                new float[] {0f}), 1e-6);
    }

    @Test
    void realGradientIsDMinusS() {
        for (double s : new double[] {0.9, 0.75, 1.0}) {
            for (SmoothedCrossEntropyConfig loss : losses(s)) {
                float[][] grad = LossHarness.dGradient(manager, (AdversarialLoss) loss, REAL, FAKE);
                for (int i = 0; i < REAL.length; i++) {
                    assertEquals((sigmoid(REAL[i]) - s) / REAL.length, grad[0][i], 1e-6,
                            "s=" + s + ", l_real=" + REAL[i]);
                }
                for (int i = 0; i < FAKE.length; i++) {
                    assertEquals(sigmoid(FAKE[i]) / FAKE.length, grad[1][i], 1e-6, "fake side unchanged");
                }
            }
        }
        // D's optimum on a real sample moves from D = 1 to D = s: logit(0.9) = 2.1972246 has zero gradient.
        float[][] atOptimum = LossHarness.dGradient(manager, (AdversarialLoss) losses(0.9).get(0),
                new float[] {2.1972246f}, new float[] {0f});
        assertEquals(0.0, atOptimum[0][0], 1e-6);
    }

    @Test
    void generatorLossesIgnoreTheRealLabel() {
        List<SmoothedCrossEntropyConfig> smoothed = losses(0.8);
        assertEquals(-mean(FAKE, LossHarness::softplus), LossHarness.gLoss(manager, (AdversarialLoss) smoothed.get(0), FAKE), 1e-5);
        assertEquals(mean(FAKE, l -> softplus(-l)), LossHarness.gLoss(manager, (AdversarialLoss) smoothed.get(1), FAKE), 1e-5);
    }

    @Test
    void extremeLogitsStayFinite() {
        // s softplus(100) + (1 - s) softplus(-100) = 90; at l = +100: (1 - s)·100 = 10.
        AdversarialLoss loss = (AdversarialLoss) losses(0.9).get(1);
        assertEquals(90.0, LossHarness.dLoss(manager, loss, new float[] {-100f}, new float[] {-100f}), 1e-3);
        assertEquals(10.0, LossHarness.dLoss(manager, loss, new float[] {100f}, new float[] {-100f}), 1e-3);
        float[][] grad = LossHarness.dGradient(manager, loss, new float[] {100f, -100f}, new float[] {0f});
        assertEquals((1 - 0.9) / 2, grad[0][0], 1e-6);
        assertEquals(-0.9 / 2, grad[0][1], 1e-6);
        assertTrue(Double.isFinite(grad[0][0]) && Double.isFinite(grad[0][1]));
    }

    /** A minimax loss with a given real label, for one-liners. */
    private static final class MinimaxLossWith {
        final MinimaxLoss loss = new MinimaxLoss();

        MinimaxLossWith(double s) {
            loss.setRealLabel(s);
        }
    }
}
