package org.gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.datasets.IdxData;
import org.junit.jupiter.api.Test;

/** D's overfitting gap on a run of 200 Fashion-MNIST images, held-out reals from the first 1,000. */
class DiscriminatorOverfitMetricTest {

    private static IdxData fashion(int limit) {
        IdxData idx = new IdxData();
        idx.setSplit("test");
        idx.setLimit(limit);
        return idx;
    }

    /** A D that memorised the run's images (output 1 on them, 0 on any other image) has a gap of exactly 1. */
    @Test
    void aDiscriminatorThatMemorisedItsImagesHasGapOne() throws IOException {
        DiscriminatorOverfitMetric metric = new DiscriminatorOverfitMetric();
        metric.setHeldOut(fashion(1000));
        metric.setN(100);
        metric.setPrefix("of_");
        try (SampleSource data = fashion(200).open(new DataContext(Path.of("."), 1));
                MemorisingContext ctx = new MemorisingContext(data)) {
            Map<String, Double> r = metric.evaluate(ctx);
            assertEquals(1.0, r.get("of_d_train_real"), r.toString());
            assertEquals(0.0, r.get("of_d_heldout_real"), "no held-out image is one of the run's: " + r);
            assertEquals(1.0, r.get("of_d_overfit_gap"));
            Map<String, Object> facts = ctx.reports.get("of-discriminator-overfit");
            assertEquals(100, facts.get("n"));
            assertTrue(String.valueOf(facts.get("held_out_split")).matches(
                    "held_out: its first 100 images \\(stream seed 0\\) that are not in the run's data \\([1-9][0-9]* "
                            + "skipped as run images\\)"), String.valueOf(facts));
            assertEquals(r, metric.evaluate(ctx), "the same images at every evaluation");
        }
    }

    @Test
    void tooFewHeldOutImagesAndAMissingHeldOutAreRefused() throws IOException {
        DiscriminatorOverfitMetric metric = new DiscriminatorOverfitMetric();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, metric::validate);
        assertTrue(missing.getMessage().startsWith("held_out: required;"), missing.getMessage());
        metric.setHeldOut(fashion(250)); // 50 images beyond the run's 200
        metric.setN(100);
        try (SampleSource data = fashion(200).open(new DataContext(Path.of("."), 1));
                MemorisingContext ctx = new MemorisingContext(data)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(ctx));
            assertEquals("discriminator-overfit: held_out has 50 images that are not in the run's data, fewer than "
                    + "n = 100; lower n or use a larger held_out set", e.getMessage());
        }
    }

    /** D(x) = 1 when x is one of the run's images, else 0. */
    private static final class MemorisingContext implements EvalContext, AutoCloseable {
        private final NDManager manager = NDManager.newBaseManager();
        private final SampleSource data;
        private final List<float[]> runImages = new ArrayList<>();
        private final int size;
        final Map<String, Map<String, Object>> reports = new LinkedHashMap<>();

        MemorisingContext(SampleSource data) {
            this.data = data;
            this.size = Math.toIntExact(data.sampleShape().size());
            float[] all = data.batch(manager, 0, 0, (int) data.size()).samples().toFloatArray();
            for (int i = 0; i < data.size(); i++) {
                runImages.add(Arrays.copyOfRange(all, i * size, (i + 1) * size));
            }
        }

        @Override
        public NDArray discriminatorLogits(NDArray samples) {
            float[] x = samples.toFloatArray();
            int n = x.length / size;
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                float[] image = Arrays.copyOfRange(x, i * size, (i + 1) * size);
                out[i] = runImages.stream().anyMatch(r -> Arrays.equals(r, image)) ? 1 : 0;
            }
            return manager.create(out).reshape(n, 1);
        }

        @Override
        public NDArray realSamples(int n) {
            return data.batch(manager, 11, 0, n).samples();
        }

        @Override
        public long step() {
            return 10;
        }

        @Override
        public NDManager manager() {
            return manager;
        }

        @Override
        public NDArray generate(int n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SampleSource data() {
            return data;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public Path outputDir() {
            return Path.of(".");
        }

        @Override
        public void report(String metric, Map<String, Object> facts) {
            reports.put(metric, facts);
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
