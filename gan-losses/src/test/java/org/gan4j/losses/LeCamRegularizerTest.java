package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.RegularizerContext;
import org.junit.jupiter.api.Test;

class LeCamRegularizerTest {
    private static final float[] REAL = {1f, 2f, 3f};
    private static final float[] FAKE = {-1f, 0.5f};

    @Test
    void valueAndAnchorsFollowTheFormulaByHand() {
        LeCamRegularizer lecam = new LeCamRegularizer();
        try (NDManager m = NDManager.newBaseManager()) {
            double first = term(m, lecam, REAL, FAKE);
            // α_R = 0.01·2 = 0.02, α_F = 0.01·(−0.25) = −0.0025, updated before the term is computed.
            assertEquals(0.02, lecam.anchorReal(), 1e-9);
            assertEquals(-0.0025, lecam.anchorFake(), 1e-9);
            assertEquals(0.3 * (meanSquare(REAL, -0.0025) + meanSquare(FAKE, 0.02)), first, 1e-5);

            double second = term(m, lecam, FAKE, REAL); // swapped: the anchors move towards the new means
            double real2 = 0.99 * 0.02 + 0.01 * -0.25;
            double fake2 = 0.99 * -0.0025 + 0.01 * 2;
            assertEquals(real2, lecam.anchorReal(), 1e-9);
            assertEquals(fake2, lecam.anchorFake(), 1e-9);
            assertEquals(0.3 * (meanSquare(FAKE, fake2) + meanSquare(REAL, real2)), second, 1e-5);
        }
    }

    @Test
    void lambdaScalesTheTermAndEveryIsReported() {
        LeCamRegularizer lecam = new LeCamRegularizer();
        lecam.setLambda(2.0);
        lecam.setEvery(4);
        assertEquals(4, lecam.every());
        assertEquals(Phase.DISCRIMINATOR, lecam.target());
        assertEquals(List.of("reg_lecam"), lecam.logColumns());
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(2.0 * (meanSquare(REAL, -0.0025) + meanSquare(FAKE, 0.02)), term(m, lecam, REAL, FAKE), 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> lecam.setDecay(1.0));
        assertThrows(IllegalArgumentException.class, () -> lecam.setLambda(-1));
    }

    @Test
    void anchorsRoundTripThroughTheStateSection() throws IOException {
        LeCamRegularizer trained = new LeCamRegularizer();
        try (NDManager m = NDManager.newBaseManager()) {
            term(m, trained, REAL, FAKE);
            term(m, trained, REAL, FAKE);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.saveState(new DataOutputStream(bytes));
        LeCamRegularizer restored = new LeCamRegularizer();
        restored.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(trained.anchorReal(), restored.anchorReal());
        assertEquals(trained.anchorFake(), restored.anchorFake());
        assertEquals("regularizer.lecam", restored.stateSection());
        IOException wrong = assertThrows(IOException.class,
                () -> restored.loadState(new DataInputStream(new ByteArrayInputStream(new byte[12]))));
        assertTrue(wrong.getMessage().contains("expected 16"), wrong.getMessage());
    }

    private static double term(NDManager parent, LeCamRegularizer lecam, float[] real, float[] fake) {
        try (NDManager m = parent.newSubManager()) {
            return lecam.term(new Logits(m.create(real).reshape(real.length, 1), m.create(fake).reshape(fake.length, 1)))
                    .getFloat();
        }
    }

    private static double meanSquare(float[] values, double anchor) {
        double sum = 0;
        for (float v : values) {
            sum += (v - anchor) * (v - anchor);
        }
        return sum / values.length;
    }

    /** A regularizer context holding only logits. */
    private record Logits(NDArray realLogits, NDArray fakeLogits) implements RegularizerContext {
        @Override
        public long randomSeed() {
            return 0;
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
        public NDArray realSamples() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray fakeSamples() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray discriminate(NDArray samples) {
            throw new UnsupportedOperationException();
        }

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
