package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.gan4j.api.data.GaussianMixture;
import org.junit.jupiter.api.Test;

/** The estimators against closed forms, numerical integration and hand-computed values. */
class DivergencesTest {
    static final double LOG2 = Math.log(2);

    static DoubleUnaryOperator normal(double mu, double sigma) {
        return x -> Math.exp(-0.5 * Math.pow((x - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI));
    }

    static DoubleUnaryOperator uniform(double a, double b) {
        return x -> x >= a && x <= b ? 1 / (b - a) : 0;
    }

    /** KL(N(m1, s1²) ‖ N(m2, s2²)) = log(s2/s1) + (s1² + (m1 − m2)²)/(2 s2²) − ½. */
    static double klNormal(double m1, double s1, double m2, double s2) {
        return Math.log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
    }

    @Test
    void discreteValuesMatchHandComputation() {
        double[] p = {0.5, 0.5};
        double[] q = {0.9, 0.1};
        assertEquals(0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1), Divergences.kl(p, q), 1e-12);
        // JS((1,0) ‖ (½,½)): M = (¾, ¼)
        double js = 0.5 * Math.log(1 / 0.75) + 0.5 * (0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25));
        assertEquals(js, Divergences.js(new double[] {1, 0}, new double[] {0.5, 0.5}), 1e-12);
        // counts are normalised: scaling changes nothing
        assertEquals(js, Divergences.js(new double[] {10, 0}, new double[] {3, 3}), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Divergences.kl(new double[] {1, 1}, new double[] {1, 0}));
        assertEquals(LOG2, Divergences.js(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        assertEquals(1.0, Divergences.toBits(Divergences.js(new double[] {1, 0}, new double[] {0, 1})), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Divergences.js(new double[] {1}, new double[] {1, 1}));
    }

    @Test
    void integratedKlMatchesGaussianClosedForm() {
        double numeric = Divergences.klIntegrated(normal(0, 1), normal(1, 2), -20, 20, 4000);
        assertEquals(klNormal(0, 1, 1, 2), numeric, 1e-8);
        double reverse = Divergences.klIntegrated(normal(1, 2), normal(0, 1), -30, 30, 6000);
        assertEquals(klNormal(1, 2, 0, 1), reverse, 1e-8);
        assertEquals(0, Divergences.jsIntegrated(normal(0.3, 1.7), normal(0.3, 1.7), -20, 20, 2000), 1e-12);
    }

    @Test
    void integratedJsOfDisjointSupportsIsLog2() {
        assertEquals(LOG2, Divergences.jsIntegrated(normal(0, 1), normal(60, 1), -20, 80, 20000), 1e-8);
        // discontinuous densities: Simpson's error is O(h) at the jumps
        assertEquals(LOG2, Divergences.jsIntegrated(uniform(0, 1), uniform(2, 3), -1, 4, 100000), 1e-4);
        // KL between Uniform(0,1) and Uniform(0,2): log 2
        assertEquals(LOG2, Divergences.klIntegrated(uniform(0, 1), uniform(0, 2), 0, 1, 1000), 1e-9);
    }

    @Test
    void histogramJsOfDisjointSamplesIsExactlyLog2In1dAnd2d() {
        float[] a = StubContext.draw(StubContext.gaussian1d(0, 1), 3000, 1);
        float[] b = StubContext.draw(StubContext.gaussian1d(50, 1), 2000, 2);
        Histogram.Bins bins = Histogram.shared(a, b, 1, "fixed", 50, null);
        assertEquals(LOG2, Divergences.jsHistogram(a, b, 1, bins), 1e-12);
        assertEquals(1.0, Divergences.toBits(Divergences.jsHistogram(a, b, 1, bins)), 1e-12);

        GaussianMixture left = GaussianMixture.uniform(List.of(new double[] {0, 0}), 0.5);
        GaussianMixture right = GaussianMixture.uniform(List.of(new double[] {20, 20}), 0.5);
        float[] a2 = StubContext.draw(left, 2500, 3);
        float[] b2 = StubContext.draw(right, 2500, 4);
        assertEquals(LOG2, Divergences.jsHistogram(a2, b2, 2, Histogram.shared(a2, b2, 2, "fixed", 20, null)), 1e-12);
    }

    @Test
    void histogramOfIdenticalSamplesGivesZero() {
        float[] a = StubContext.draw(StubContext.gaussian1d(0, 1), 2500, 5);
        Histogram.Bins bins = Histogram.shared(a, a, 1, "sqrt", 0, null);
        assertEquals(0, Divergences.jsHistogram(a, a, 1, bins), 1e-15);
        assertEquals(0, Divergences.klHistogram(a, a, 1, bins, 0.5), 1e-15);
    }

    @Test
    void histogramEstimatesConvergeToTheDensityValues() {
        int n = 200_000;
        float[] a = StubContext.draw(StubContext.gaussian1d(0, 1), n, 6);
        float[] b = StubContext.draw(StubContext.gaussian1d(1, 1), n, 7);
        Histogram.Bins bins = Histogram.shared(a, b, 1, "fixed", 100, new double[] {-5, 6});
        assertEquals(klNormal(0, 1, 1, 1), Divergences.klHistogram(a, b, 1, bins, 0.5), 0.02);
        double jsExact = Divergences.jsIntegrated(normal(0, 1), normal(1, 1), -15, 16, 4000);
        assertEquals(jsExact, Divergences.jsHistogram(a, b, 1, bins), 0.005);
        // the plug-in bias is upward for equal distributions: about (B − 1)/(4n)
        float[] c = StubContext.draw(StubContext.gaussian1d(0, 1), 2500, 8);
        float[] e = StubContext.draw(StubContext.gaussian1d(0, 1), 2500, 9);
        double js = Divergences.jsHistogram(c, e, 1, Histogram.shared(c, e, 1, "fixed", 50, null));
        assertTrue(js > 0 && js < 0.02, "JS of two samples of one law " + js);

        GaussianMixture p = GaussianMixture.uniform(List.of(new double[] {0, 0}), 1);
        GaussianMixture q = GaussianMixture.uniform(List.of(new double[] {1, 0}), 1);
        float[] a2 = StubContext.draw(p, n, 10);
        float[] b2 = StubContext.draw(q, n, 11);
        Histogram.Bins grid = Histogram.shared(a2, b2, 2, "fixed", 40, new double[] {-5, 6});
        assertEquals(0.5, Divergences.klHistogram(a2, b2, 2, grid, 0.5), 0.03); // ‖Δμ‖²/(2σ²)
    }

    @Test
    void binRulesFollowTheirFormulas() {
        float[] a = new float[500]; // evenly spaced on [0, 1]: IQR 0.5, σ 0.289
        for (int i = 0; i < a.length; i++) {
            a[i] = i / 499f;
        }
        assertEquals(10, Histogram.shared(a, a, 1, "sturges", 0, null).counts()[0]); // ⌈log2 500⌉ + 1
        assertEquals(23, Histogram.shared(a, a, 1, "sqrt", 0, null).counts()[0]); // ⌈√500⌉
        assertEquals(8, Histogram.shared(a, a, 1, "freedman_diaconis", 0, null).counts()[0]); // ⌈1/(2·0.5·0.126)⌉
        assertEquals(8, Histogram.shared(a, a, 1, "scott", 0, null).counts()[0]); // ⌈1/(3.49·0.289·0.126)⌉
        assertEquals(7, Histogram.shared(a, a, 1, "fixed", 7, null).counts()[0]);
        float[] xy = new float[2 * 2500];
        Histogram.Bins b = Histogram.shared(xy, xy, 2, "sqrt", 0, null);
        assertEquals(8, b.counts()[0]); // ⌈2500^{1/4}⌉ per axis
        assertEquals(64, b.cells());
        // samples outside a given range land in the edge bins: every sample is counted
        Histogram.Bins narrow = Histogram.shared(a, a, 1, "fixed", 4, new double[] {0.25, 0.75});
        double[] counts = narrow.counts(a, 1);
        assertEquals(500, counts[0] + counts[1] + counts[2] + counts[3], 1e-9);
        assertEquals(counts[0], counts[3], 1);
        assertThrows(IllegalArgumentException.class, () -> Histogram.shared(a, a, 1, "magic", 0, null));
    }

    @Test
    void kdeIntegratesToOneAndRecoversAGaussian() {
        float[] a = StubContext.draw(StubContext.gaussian1d(2, 0.5), 5000, 12);
        Kde kde = new Kde(a, 0);
        assertEquals(1, Divergences.simpson(kde::density, -5, 9, 4000), 1e-6);
        assertEquals(0.9 * 0.5 * Math.pow(5000, -0.2), kde.bandwidth(), 0.01);
        assertEquals(normal(2, 0.5).applyAsDouble(2), kde.density(2), 0.04);
        double js = Divergences.jsIntegrated(normal(2, 0.5), kde::density, -5, 9, 4000);
        assertTrue(js < 0.005, "JS between a density and the KDE of its samples " + js);
    }
}
