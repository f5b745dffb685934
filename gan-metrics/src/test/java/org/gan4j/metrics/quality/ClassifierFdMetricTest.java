package org.gan4j.metrics.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.datasets.IdxData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metric end to end on a subset of the embedded Fashion-MNIST, with a tiny classifier. */
class ClassifierFdMetricTest {
    @TempDir
    Path dir;

    /** The first {@code limit} images of the embedded Fashion-MNIST test split. */
    static SampleSource fashion(int limit) throws IOException {
        IdxData idx = new IdxData();
        idx.setSplit("test");
        idx.setLimit(limit);
        return idx.open(new DataContext(Path.of("."), 1));
    }

    /** A small, fast recipe: 8 filters, 3 epochs. */
    private ClassifierFdMetric metric() {
        ClassifierFdMetric m = new ClassifierFdMetric();
        m.setWidth(8);
        m.setEpochs(3);
        m.setNReal(300);
        m.setNFake(300);
        m.setCacheDir(dir.resolve("cache").toString());
        return m;
    }

    /** {@link #metric()} with 200 real and 200 generated samples. */
    private ClassifierFdMetric small() {
        ClassifierFdMetric m = metric();
        m.setNReal(200);
        m.setNFake(200);
        return m;
    }

    @Test
    void theClassifierLearnsFarAboveChance() throws IOException {
        try (SampleSource data = fashion(2000); NDManager m = NDManager.newBaseManager()) {
            LabelledImages all = LabelledImages.readAll(data, m, "test data");
            assertEquals(2000, all.size());
            LabelledImages train = all.range(0, 1600);
            LabelledImages test = all.range(1600, 2000);
            try (FeatureClassifier c = FeatureClassifier.create(m, all.sampleShape(), 10, 8, 1)) {
                double before = c.accuracy(test);
                c.train(train, 3, 32, 0.001, 1);
                double after = c.accuracy(test);
                assertTrue(after > 0.65, "accuracy " + after + " (chance 0.1; before training " + before + ")");
                assertEquals(FeatureClassifier.FEATURES * 7, c.features(test.x(), 7).length);
                int managed = m.getManagedArrays().size();
                c.train(train.first(64), 1, 32, 0.001, 2);
                c.features(test.x(), 7);
                assertEquals(managed, m.getManagedArrays().size(), "training and inference leave nothing behind");
            }
        }
    }

    @Test
    void theSecondEvaluationLoadsTheCachedClassifierAndOtherDataGetsAnotherId() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, Double> first;
        String id;
        Path file;
        try (SampleSource data = fashion(1500); ImageContext ctx = new ImageContext(data, dir.resolve("run1"), 0.0);
                ClassifierFdMetric metric = metric()) {
            first = metric.evaluate(ctx);
            assertTrue(metric.extractor().trained());
            id = metric.extractor().id();
            file = metric.extractor().file();
            assertEquals(List.of(file), Files.list(cache).toList(), "one file, no temporary left over");
            assertTrue(file.getFileName().toString().startsWith(id));
            assertTrue(first.get("classifier_accuracy") > 0.6, "accuracy " + first.get("classifier_accuracy"));
            assertEquals(300.0, first.get("n_real"));
            assertEquals(300.0, first.get("n_fake"));
            Map<String, Object> facts = ctx.reported().get("classifier-fd");
            assertEquals(id, facts.get("extractor_id"), String.valueOf(facts));
            assertEquals(first.get("fd_real_baseline"), facts.get("fd_real_baseline"), String.valueOf(facts));
            assertEquals(Boolean.TRUE, facts.get("extractor_trained_now"));
            // How it was measured: sample counts, where the real images came from, which generator was scored.
            assertEquals(300.0, facts.get("n_real"));
            assertEquals(300.0, facts.get("n_fake"));
            assertEquals("raw", facts.get("generator"));
            assertEquals("run data (evaluation stream)", facts.get("real_split"));
            assertEquals(300, facts.get("kid_subset_size"), "1000 capped by n");
            assertTrue(((List<?>) facts.get("results")).containsAll(List.of("fd", "kid", "density", "coverage")));
            // Real against other real images: density near 1, coverage high; one subset of all 300 has no spread.
            assertEquals(0.0, first.get("kid_std"), first.toString());
            assertTrue(first.get("density") > 0.6 && first.get("coverage") > 0.6, first.toString());
            assertFalse(Files.exists(dir.resolve("run1/quality.json")), "core writes the record, not the metric");
        }
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, written); // a rewrite would move it
        try (SampleSource data = fashion(1500); ImageContext ctx = new ImageContext(data, dir.resolve("run2"), 0.0);
                ClassifierFdMetric metric = metric()) {
            Map<String, Double> second = metric.evaluate(ctx);
            assertFalse(metric.extractor().trained(), "loaded, not trained again");
            assertEquals(id, metric.extractor().id());
            assertEquals(written, Files.getLastModifiedTime(file));
            assertEquals(first, second, "the loaded classifier gives the same numbers");
        }
        try (SampleSource data = fashion(1400); ImageContext ctx = new ImageContext(data, dir.resolve("run3"), 0.0);
                ClassifierFdMetric metric = metric()) {
            metric.evaluate(ctx);
            assertTrue(metric.extractor().trained());
            assertNotEquals(id, metric.extractor().id(), "different content, different extractor");
            assertEquals(2, Files.list(cache).count());
        }
    }

    @Test
    void noisyFakesScoreFarWorseThanTheRealBaseline() throws Exception {
        Map<String, Map<String, Object>> lastReports = Map.of();
        try (SampleSource data = fashion(1500); ClassifierFdMetric metric = metric()) {
            metric.setPrefix("q_");
            double previous = -1;
            double previousKid = Double.NEGATIVE_INFINITY;
            for (double noise : new double[] {0.0, 0.5, 1.5}) {
                try (ImageContext ctx = new ImageContext(data, dir.resolve("run"), noise)) {
                    Map<String, Double> r = metric.evaluate(ctx);
                    lastReports = ctx.reported();
                    double fd = r.get("q_fd");
                    double baseline = r.get("q_fd_real_baseline");
                    assertTrue(fd > previous, "fd " + fd + " at noise " + noise + " not above " + previous);
                    assertTrue(r.get("q_kid") > previousKid, "kid " + r.get("q_kid") + " at noise " + noise);
                    previousKid = r.get("q_kid");
                    if (noise == 0) {
                        assertTrue(fd < 3 * baseline, "real vs other real images: fd " + fd + ", baseline " + baseline);
                        assertTrue(r.get("q_precision") > 0.5 && r.get("q_recall") > 0.5, r.toString());
                    } else if (noise == 1.5) {
                        assertTrue(fd > 5 * baseline, "fd " + fd + ", baseline " + baseline);

                        assertTrue(r.get("q_coverage") < r.get("q_coverage_real_baseline"), r.toString());
                    }
                    previous = fd;
                }
            }
            assertEquals(List.of("q-classifier-fd"), List.copyOf(lastReports.keySet()));
        }
    }

    @Test
    void aKidSubsetLargerThanNIsRefusedAndTooFewImagesPerClassToo() {
        ClassifierFdMetric m = metric();
        m.setKidSubsetSize(301);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::validate);
        assertTrue(e.getMessage().startsWith("kid_subset_size: 301 is larger than n_real (300) or n_fake (300)"),
                e.getMessage());
        m.setKidSubsetSize(300);
        m.validate();
        e = assertThrows(IllegalArgumentException.class, () -> m.setIntraClassN(100));
        assertTrue(e.getMessage().contains("at least 129 images per class"), e.getMessage());
    }

    /**
     * A run trained on 300 images whose G reproduces them: against the run's own images (real_from: run) its FD is
     * small, as its samples and the reals are largely the same images; against the labelled set's test split
     * (real_from: train_data, 200 held-out images of 1,000) it is larger, and the record says where reals came from.
     */
    @Test
    void realFromTrainDataTakesTheTestSplitOfTheLabelledSet() throws Exception {
        IdxData full = new IdxData();
        full.setSplit("test");
        full.setLabels(true);
        full.setLimit(1000);
        Map<String, Double> fromRun;
        Map<String, Double> fromTrainData;
        try (SampleSource data = fashion(300); ImageContext ctx = new ImageContext(data, dir.resolve("run"), 0.0);
                ClassifierFdMetric metric = small()) {
            metric.setTrainData(full);
            fromRun = metric.evaluate(ctx);
            assertEquals("run data (evaluation stream)", ctx.reported().get("classifier-fd").get("real_split"));
        }
        try (SampleSource data = fashion(300); ImageContext ctx = new ImageContext(data, dir.resolve("run"), 0.0);
                ClassifierFdMetric metric = small()) {
            metric.setTrainData(full);
            metric.setRealFrom("train_data");
            fromTrainData = metric.evaluate(ctx);
            assertEquals("train_data: test split, its first 200 of 200 images (held out from the classifier)",
                    ctx.reported().get("classifier-fd").get("real_split"));
        }
        assertEquals(fromRun.get("fd_real_baseline"), fromTrainData.get("fd_real_baseline"), "the same extractor");
        assertTrue(fromTrainData.get("fd") > 1.5 * fromRun.get("fd"),
                "memorised images: fd against the run's images " + fromRun.get("fd") + ", against the full set "
                        + fromTrainData.get("fd"));
        try (SampleSource data = fashion(300); ImageContext ctx = new ImageContext(data, dir.resolve("run"), 0.0);
                ClassifierFdMetric metric = small()) {
            metric.setTrainData(full);
            metric.setRealFrom("train_data");
            metric.setNReal(201);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(ctx));
            assertEquals("classifier-fd: real_from: train_data takes n_real (201) images from train_data's test split, "
                    + "which holds 200 (holdout 0.2); use n_real <= 200 or a larger holdout", e.getMessage());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> metric().setRealFrom("all"));
        assertEquals("'all' is not accepted; expected one of [run, train_data]", bad.getMessage());
    }

    /** Real samples from one stream, "generated" ones from another plus Gaussian noise, clipped to [-1, 1]. */
    static final class ImageContext implements EvalContext, AutoCloseable {
        private final NDManager manager = NDManager.newBaseManager();
        private final SampleSource data;
        private final Path out;
        private final double noise;
        private final Map<String, Map<String, Object>> reports = new java.util.LinkedHashMap<>();

        ImageContext(SampleSource data, Path out, double noise) {
            this.data = data;
            this.out = out;
            this.noise = noise;
        }

        @Override
        public long step() {
            return 100;
        }

        @Override
        public NDManager manager() {
            return manager;
        }

        @Override
        public NDArray generate(int n) {
            Batch b = data.batch(manager, 77, 0, n);
            float[] x = b.samples().toFloatArray();
            java.util.Random r = new java.util.Random(5);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.max(-1, Math.min(1, x[i] + noise * r.nextGaussian()));
            }
            return manager.create(x, new Shape(n).addAll(data.sampleShape()));
        }

        @Override
        public NDArray realSamples(int n) {
            return data.batch(manager, 11, 0, n).samples();
        }

        @Override
        public NDArray discriminatorLogits(NDArray samples) {
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
        public void report(String metric, Map<String, Object> facts) {
            reports.put(metric, facts);
        }

        @Override
        public Map<String, Map<String, Object>> reported() {
            return reports;
        }

        @Override
        public Path outputDir() {
            return out;
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
