package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The penalties' values by hand, with D given in closed form (the context answers ∇ₓD): a linear D, whose
 * gradient is w everywhere, and a quadratic D(x) = ½·Σ aⱼxⱼ², whose gradient a⊙x depends on the point, so
 * the points each penalty draws are checked too. Image-shaped batches (4, 1, 2, 3) check the per-sample shapes.
 */
class PenaltyValueTest {
    private static final Shape SHAPE = new Shape(4, 1, 2, 3);
    private static final int PER_SAMPLE = 6;
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static float[] real() {
        float[] x = new float[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(1.3 * i + 0.2);
        }
        return x;
    }

    private static float[] fake() {
        float[] x = new float[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.cos(0.7 * i) - 0.3);
        }
        return x;
    }

    /** w of the linear D, in the sample's shape (1, 2, 3). */
    private static final float[] W = {0.3f, -0.2f, 0.5f, 0.1f, 0.4f, -0.6f};
    /** a of the quadratic D. */
    private static final float[] A = {1.5f, 0.5f, -2f, 1f, 3f, 0.25f};

    private static UnaryOperator<NDArray> linear() {
        return x -> x.zerosLike().add(x.getManager().create(W, new Shape(1, 1, 2, 3)));
    }

    private static UnaryOperator<NDArray> quadratic() {
        return x -> x.mul(x.getManager().create(A, new Shape(1, 1, 2, 3)));
    }

    private static double term(Regularizer r, long seed, UnaryOperator<NDArray> gradient, AnalyticGradientContext[] out) {
        try (NDManager step = manager.newSubManager()) {
            AnalyticGradientContext context = new AnalyticGradientContext(step.create(real(), SHAPE),
                    step.create(fake(), SHAPE), seed, gradient);
            double value = r.term(context).getFloat();
            if (out != null) {
                out[0] = context;
            }
            return value;
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ‖a⊙p‖ for sample i of a flattened batch. */
    private static double quadraticGradientNorm(float[] points, int i) {
        double s = 0;
        for (int j = 0; j < PER_SAMPLE; j++) {
            double g = A[j] * points[i * PER_SAMPLE + j];
            s += g * g;
        }
        return Math.sqrt(s);
    }

    @Test
    void linearCriticGivesTheClosedForms() {
        double w = norm(W); // 0.954: below 1
        assertEquals(10 * (w - 1) * (w - 1), term(new GradientPenalty(), 3, linear(), null), 1e-5);
        assertEquals(5 * w * w, term(new R1Penalty(), 3, linear(), null), 1e-5);
        assertEquals(5 * w * w, term(new R2Penalty(), 3, linear(), null), 1e-5);
        assertEquals(10 * (w - 1) * (w - 1), term(new DraganPenalty(), 3, linear(), null), 1e-5);

        GradientPenalty oneSided = new GradientPenalty();
        oneSided.setOneSided(true);
        assertEquals(0.0, term(oneSided, 3, linear(), null), 0.0, "a norm below 1 costs nothing one-sided");
        UnaryOperator<NDArray> steep = x -> linear().apply(x).mul(2); // ‖2w‖ = 1.91 > 1
        assertEquals(10 * (2 * w - 1) * (2 * w - 1), term(oneSided, 3, steep, null), 1e-4);

        R1Penalty r1 = new R1Penalty();
        r1.setGamma(0.2);
        assertEquals(0.1 * w * w, term(r1, 3, linear(), null), 1e-6);
    }

    @Test
    void gradientPenaltyIsTakenOnPerSampleInterpolations() {
        AnalyticGradientContext[] seen = new AnalyticGradientContext[1];
        double value = term(new GradientPenalty(), 11, quadratic(), seen);
        float[] points = seen[0].points.get(0);
        float[] x = real();
        float[] f = fake();
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            // One ε per sample: p = εx + (1−ε)f, so ε = (p − f)/(x − f) is the same for every element.
            double epsilon = (points[i * PER_SAMPLE] - f[i * PER_SAMPLE]) / (x[i * PER_SAMPLE] - f[i * PER_SAMPLE]);
            assertTrue(epsilon >= 0 && epsilon <= 1, "ε = " + epsilon);
            for (int j = 0; j < PER_SAMPLE; j++) {
                int k = i * PER_SAMPLE + j;
                assertEquals(epsilon * x[k] + (1 - epsilon) * f[k], points[k], 1e-5, "sample " + i + ", element " + j);
            }
            double excess = quadraticGradientNorm(points, i) - 1;
            expected += excess * excess / 4;
        }
        assertEquals(10 * expected, value, 1e-4);
    }

    @Test
    void r1AndR2AreTakenAtTheRealAndTheGeneratedSamples() {
        AnalyticGradientContext[] seen = new AnalyticGradientContext[1];
        double r1 = term(new R1Penalty(), 1, quadratic(), seen);
        assertArrayEquals(real(), seen[0].points.get(0));
        double r2 = term(new R2Penalty(), 1, quadratic(), seen);
        assertArrayEquals(fake(), seen[0].points.get(0));
        double sumReal = 0;
        double sumFake = 0;
        for (int i = 0; i < 4; i++) {
            sumReal += Math.pow(quadraticGradientNorm(real(), i), 2);
            sumFake += Math.pow(quadraticGradientNorm(fake(), i), 2);
        }
        assertEquals(5 * sumReal / 4, r1, 1e-4);
        assertEquals(5 * sumFake / 4, r2, 1e-4);
    }

    @Test
    void draganPerturbsEveryElementByUpToHalfTheBatchStd() {
        AnalyticGradientContext[] seen = new AnalyticGradientContext[1];
        double value = term(new DraganPenalty(), 5, quadratic(), seen);
        float[] points = seen[0].points.get(0);
        float[] x = real();
        double std = 0;
        double mean = 0;
        for (float v : x) {
            mean += v / x.length;
        }
        for (float v : x) {
            std += (v - mean) * (v - mean) / x.length;
        }
        std = Math.sqrt(std);
        double bound = 0.5 * std;
        java.util.Set<Float> shifts = new java.util.HashSet<>();
        for (int k = 0; k < x.length; k++) {
            double shift = points[k] - x[k];
            assertTrue(shift >= -1e-6 && shift <= bound + 1e-6, "shift " + shift + " not in [0, " + bound + "]");
            shifts.add(Math.round(shift * 1e4f) / 1e4f);
        }
        assertTrue(shifts.size() > 12, "u is drawn per element: " + shifts.size() + " distinct shifts of 24");
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double excess = quadraticGradientNorm(points, i) - 1;
            expected += excess * excess / 4;
        }
        assertEquals(10 * expected, value, 1e-4);
        assertEquals(std, DraganPenalty.standardDeviation(manager.create(x)), 1e-6);
    }

    @Test
    void drawsComeFromTheRegularizersStream() {
        for (Regularizer r : List.of(new GradientPenalty(), new DraganPenalty())) {
            AnalyticGradientContext[] a = new AnalyticGradientContext[1];
            AnalyticGradientContext[] b = new AnalyticGradientContext[1];
            AnalyticGradientContext[] c = new AnalyticGradientContext[1];
            double va = term(r, 42, quadratic(), a);
            double vb = term(r, 42, quadratic(), b);
            term(r, 43, quadratic(), c);
            assertEquals(va, vb, 0.0, r.name() + ": same seed, same value");
            assertArrayEquals(a[0].points.get(0), b[0].points.get(0), r.name() + ": same seed, same points");
            assertFalse(java.util.Arrays.equals(a[0].points.get(0), c[0].points.get(0)), r.name() + ": another seed, other points");
        }
    }

    @Test
    void everyPenaltyIsADiscriminatorTermThatNeedsTheInputGradient() {
        List<Regularizer> all = List.of(new GradientPenalty(), new R1Penalty(), new R2Penalty(), new DraganPenalty());
        assertEquals(List.of("gradient_penalty", "r1", "r2", "dragan"), all.stream().map(Regularizer::name).toList());
        for (Regularizer r : all) {
            assertTrue(r.needsInputGradient(), r.name());
            assertEquals(Phase.DISCRIMINATOR, r.target(), r.name());
            assertEquals(1, r.every(), r.name());
            assertEquals(List.of("reg_" + r.name()), r.logColumns());
        }
        R2Penalty lazy = new R2Penalty();
        lazy.setEvery(16);
        assertEquals(16, lazy.every());
        assertNotEquals(new GradientPenalty().name(), new DraganPenalty().name());
    }

    @Test
    void mismatchedBatchesAreRefusedByTheInterpolatingPenalty() {
        try (NDManager step = manager.newSubManager()) {
            AnalyticGradientContext context = new AnalyticGradientContext(step.create(real(), SHAPE),
                    step.zeros(new Shape(3, 1, 2, 3)), 1, quadratic());
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new GradientPenalty().term(context));
            assertTrue(e.getMessage().contains("(4, 1, 2, 3) and (3, 1, 2, 3)"), e.getMessage());
        }
    }
}
