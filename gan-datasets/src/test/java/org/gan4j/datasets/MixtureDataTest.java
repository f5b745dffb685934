package org.gan4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.data.SampleSource;
import org.junit.jupiter.api.Test;

class MixtureDataTest {
    private static final DataContext CONTEXT = new DataContext(Path.of("."), 1);

    @Test
    void ringMeansLieOnTheCircleAtEqualAngles() {
        RingData ring = new RingData();
        ring.setModes(8);
        ring.setRadius(2.0);
        GaussianMixture m = ring.mixture();
        assertEquals(8, m.components());
        for (int k = 0; k < 8; k++) {
            double[] mu = m.means().get(k);
            assertEquals(2.0, Math.hypot(mu[0], mu[1]), 1e-12);
            assertEquals(2 * Math.PI * k / 8, (Math.atan2(mu[1], mu[0]) + 2 * Math.PI) % (2 * Math.PI), 1e-9);
        }
    }

    @Test
    void gridMeansCoverTheLattice() {
        GaussianMixture m = new GridData().mixture();
        assertEquals(25, m.components());
        double[] xs = m.means().stream().mapToDouble(mu -> mu[0]).distinct().sorted().toArray();
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, xs, 1e-12);
    }

    @Test
    void batchesAreAFunctionOfSeedAndIndex() {
        SampleSource source = new RingData().open(CONTEXT);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = source.batch(m, 7, 3, 64).samples().toFloatArray();
            float[] b = source.batch(m, 7, 3, 64).samples().toFloatArray();
            float[] c = source.batch(m, 7, 4, 64).samples().toFloatArray();
            float[] d = source.batch(m, 8, 3, 64).samples().toFloatArray();
            assertArrayEquals(a, b);
            assertFalse(Arrays.equals(a, c));
            assertFalse(Arrays.equals(a, d));
            assertEquals(new Shape(64, 2), source.batch(m, 7, 3, 64).samples().getShape());
        }
    }

    @Test
    void gaussianSamplesHaveTheConfiguredMoments() {
        GaussianData g = new GaussianData();
        g.setMeans(List.of(4.0));
        g.setStds(List.of(1.25));
        SampleSource source = g.open(CONTEXT);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = source.batch(m, 1, 0, 20_000).samples().toFloatArray();
            double mean = Arrays.stream(toDouble(x)).average().orElseThrow();
            double var = Arrays.stream(toDouble(x)).map(v -> (v - mean) * (v - mean)).sum() / x.length;
            assertEquals(4.0, mean, 0.03);
            assertEquals(1.25, Math.sqrt(var), 0.03);
        }
    }

    @Test
    void mixtureWeightsAndDensity() {
        GaussianData g = new GaussianData();
        g.setMeans(List.of(-2.0, 2.0));
        g.setStds(List.of(0.5));
        g.setWeights(List.of(1.0, 3.0));
        GaussianMixture m = g.mixture();
        assertArrayEquals(new double[] {0.25, 0.75}, m.weights(), 1e-12);
        double peak = 0.75 / Math.sqrt(2 * Math.PI * 0.25);
        assertEquals(peak, m.density(new double[] {2.0}), 1e-6);
    }

    @Test
    void badSettingsNameWhatIsAccepted() {
        GaussianData g = new GaussianData();
        g.setMeans(List.of(0.0, 1.0, 2.0));
        g.setStds(List.of(1.0, 2.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, g::mixture);
        assertTrue(e.getMessage().contains("one shared value or one per mean"));
        assertThrows(IllegalArgumentException.class, () -> new RingData().setStd(0));
        assertThrows(IllegalArgumentException.class, () -> new GridData().setSize(-1));
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }
}
