package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.gan4j.api.data.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** The optimal-discriminator metric with discriminators given in closed form. */
class OptimalDiscriminatorTest {
    static final GaussianMixture DATA = StubContext.gaussian1d(1, 1);
    static final int N = 20_000;
    static final float[] REAL = StubContext.draw(DATA, N, 1);
    static final float[] FAKE = StubContext.draw(StubContext.gaussian1d(0, 2), N, 2);

    /** log p_data(x) − log p_g(x) for N(1, 1) against N(0, 4): the logit of D*. */
    static double optimalLogit(double x) {
        return -0.5 * (x - 1) * (x - 1) + 0.125 * x * x + Math.log(2);
    }

    static OptimalDiscriminatorMetric metric() {
        OptimalDiscriminatorMetric m = new OptimalDiscriminatorMetric();
        m.setSamples(N);
        return m;
    }

    @Test
    void theExactOptimumIsRecognisedAndReachesTheJsBound(@TempDir Path dir) throws Exception {
        try (StubContext context = new StubContext(FAKE, REAL, 1, OptimalDiscriminatorTest::optimalLogit, DATA, dir)) {
            Map<String, Double> m = metric().evaluate(context);
            // the only gap is the KDE's estimate of p_g
            assertTrue(m.get("d_star_max_error") < 0.03, m.toString());
            assertTrue(m.get("d_star_mean_error") < 0.01, m.toString());
            double js = Divergences.jsIntegrated(DivergencesTest.normal(1, 1), DivergencesTest.normal(0, 2), -20, 20, 4000);
            assertEquals(js, m.get("js_kde"), 0.005);
            assertEquals(2 * js - 2 * Math.log(2), m.get("value_d_star"), 0.01);
            assertEquals(m.get("value_d_star"), m.get("value_d"), 0.02); // V(G, D*) = 2 JS − 2 log 2
            ImageChecks.assertPicture(dir.resolve("optimal-d.png"), 800, 500);
            ImageChecks.assertPicture(dir.resolve("optimal-d-step000100.png"), 800, 500);
        }
    }

    @Test
    void aConstantDiscriminatorIsFarFromOptimal(@TempDir Path dir) throws Exception {
        try (StubContext context = new StubContext(FAKE, REAL, 1, x -> 0, DATA, dir)) {
            Map<String, Double> m = metric().evaluate(context);
            // D = ½ everywhere: V = −2 log 2; |½ − D*| is largest at the region's left edge (x ≈ −4.9),
            // where p_g still has 5 % of its peak but p_data almost nothing, so D* ≈ 0
            assertEquals(-2 * Math.log(2), m.get("value_d"), 1e-6);
            double edge = 0.5 - 1 / (1 + Math.exp(-optimalLogit(-4.9)));
            assertEquals(edge, m.get("d_star_max_error"), 0.01);
            // the mean over the region: ∫ |½ − D*| dx / width, computed here on the exact D*
            double sum = 0;
            int count = 0;
            for (double x = -4.9; x <= 4.9; x += 0.01) {
                sum += Math.abs(0.5 - 1 / (1 + Math.exp(-optimalLogit(x))));
                count++;
            }
            assertEquals(sum / count, m.get("d_star_mean_error"), 0.03);
            assertTrue(m.get("value_d") < m.get("value_d_star") - 0.05, m.toString());
        }
    }

    @Test
    void errorsAreTakenOnlyWhereADensityIsNonNegligible() {
        double[] x = new double[401];
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = -20 + 40.0 * i / 400;
            // exact inside |x| < 6, wrong far out where neither density has mass
            d[i] = Math.abs(x[i]) < 6 ? 1 / (1 + Math.exp(-optimalLogit(x[i]))) : 0.5;
        }
        Kde kde = new Kde(FAKE, 0);
        OptimalDiscriminator.Comparison c = OptimalDiscriminator.compare(x, d, DATA, kde, 0.05);
        assertTrue(c.maxError() < 0.03, "max " + c.maxError());
        OptimalDiscriminator.Comparison everywhere = OptimalDiscriminator.compare(x, d, DATA, kde, 0.0);
        assertTrue(everywhere.maxError() > 0.4, "max " + everywhere.maxError());
        int inside = 0;
        for (boolean b : c.region()) {
            inside += b ? 1 : 0;
        }
        // p_g = N(0, 4) above 5 % of its peak: |x| < 2·√(2 ln 20) ≈ 4.9, i.e. about 98 of the 401 points
        assertEquals(98, inside, 6);
    }
}
