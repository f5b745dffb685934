package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrossEntropyLossesTest {
    private static final double LOG2 = Math.log(2);
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static double sigmoid(double l) {
        return 1 / (1 + Math.exp(-l));
    }

    private static double gLoss(AdversarialLoss loss, float fakeLogit) {
        try (NDManager m = manager.newSubManager()) {
            NDArray fake = m.create(new float[] {fakeLogit}).reshape(1, 1);
            return loss.generatorLoss(new LogitsContext(null, fake, Phase.GENERATOR)).getFloat();
        }
    }

    private static double dLoss(AdversarialLoss loss, float real, float fake) {
        try (NDManager m = manager.newSubManager()) {
            NDArray r = m.create(new float[] {real}).reshape(1, 1);
            NDArray f = m.create(new float[] {fake}).reshape(1, 1);
            return loss.discriminatorLoss(new LogitsContext(r, f, Phase.DISCRIMINATOR)).getFloat();
        }
    }

    /** dL_G/dl for a batch of fake logits, through DJL's autograd (mean over the batch undone). */
    private static float[] generatorLossGradient(AdversarialLoss loss, float[] logits) {
        try (NDManager m = manager.newSubManager()) {
            NDArray fake = m.create(logits).reshape(logits.length, 1);
            fake.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.generatorLoss(new LogitsContext(null, fake, Phase.GENERATOR));
                gc.backward(value.mul(logits.length));
            }
            return fake.getGradient().toFloatArray();
        }
    }

    @Test
    void atLogitZeroEveryTermIsLogTwo() {
        // D = 1/2: -log D = -log(1 - D) = log 2, so D's loss (two terms) is 2 log 2.
        assertEquals(LOG2, gLoss(new NonSaturatingLoss(), 0f), 1e-6);
        assertEquals(-LOG2, gLoss(new MinimaxLoss(), 0f), 1e-6, "log(1 - 1/2) = -log 2");
        assertEquals(2 * LOG2, dLoss(new MinimaxLoss(), 0f, 0f), 1e-6);
        assertEquals(2 * LOG2, dLoss(new NonSaturatingLoss(), 0f, 0f), 1e-6);
    }

    @Test
    void generatorGradientsAreMinusDAndMinusOneMinusD() {
        float[] logits = {-8f, -3f, -0.5f, 0f, 1.5f, 6f};
        float[] minimax = generatorLossGradient(new MinimaxLoss(), logits);
        float[] nonSat = generatorLossGradient(new NonSaturatingLoss(), logits);
        for (int i = 0; i < logits.length; i++) {
            double d = sigmoid(logits[i]);
            assertEquals(-d, minimax[i], 1e-5, "minimax: dL/dl = -D at l=" + logits[i]);
            assertEquals(-(1 - d), nonSat[i], 1e-5, "non-saturating: dL/dl = -(1-D) at l=" + logits[i]);
        }
        // Saturation: where D rejects the sample (l = -8) the minimax gradient all but vanishes.
        assertTrue(Math.abs(minimax[0]) < 1e-3 && Math.abs(nonSat[0]) > 0.99);
    }

    @Test
    void discriminatorLossMatchesTheValueFunction() {
        float real = 1.3f;
        float fake = -0.7f;
        double expected = -Math.log(sigmoid(real)) - Math.log(1 - sigmoid(fake));
        assertEquals(expected, dLoss(new MinimaxLoss(), real, fake), 1e-5);
    }

    @Test
    void extremeLogitsStayFinite() {
        // log(sigmoid(-100)) underflows to -inf in float; the softplus forms give 100 exactly.
        assertEquals(100.0, gLoss(new NonSaturatingLoss(), -100f), 1e-3);
        assertEquals(-100.0, gLoss(new MinimaxLoss(), 100f), 1e-3);
        assertEquals(200.0, dLoss(new MinimaxLoss(), -100f, 100f), 1e-3);
        assertEquals(0.0, dLoss(new MinimaxLoss(), 100f, -100f), 1e-6);
    }
}
