package org.gan4j.metrics.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.support.AtomicFiles;
import org.gan4j.api.support.ResultKeys;
import org.gan4j.metrics.quality.ClassifierCache.Entry;
import org.gan4j.metrics.quality.ClassifierCache.Recipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image quality without downloaded Inception weights: the Fréchet distance and improved precision/recall
 * (k-NN manifolds) between real and generated images, measured on the penultimate features of a small CNN
 * ({@link FeatureClassifier}) that this metric trains on a labelled data set and caches.
 *
 * <p><b>The extractor.</b> The labelled set ({@code train_data}, default the run's own data) is read once in a
 * fixed order ({@link LabelledImages#readAll}: stream seed 0, independent of the run's seed). Its last
 * {@code holdout} fraction is the <i>test split</i>, the rest the <i>train split</i> the classifier learns from
 * ({@code epochs} passes, Adam). With the embedded Fashion-MNIST (10,000 test images) and the default 0.2 the
 * classifier trains on 8,000 and is tested on 2,000. The trained parameters are cached under {@code cache_dir}
 * keyed by SHA-256(recipe, data content) ({@link ClassifierCache}); later runs on the same data load them. The
 * extractor id (the key's first 12 hex digits) identifies the feature space: only numbers with the same id,
 * n_real and n_fake are comparable.
 *
 * <p><b>Results</b> (each name preceded by {@code prefix}):
 * <ul>
 *   <li>{@code fd}: FD between {@code n_real} real images and {@code n_fake} generated ones
 *       ({@link EvalContext#generate}), see {@link FrechetDistance}. The real images are, with {@code real_from:
 *       run} (the default), samples of the run's data ({@link EvalContext#realSamples}, the same at every
 *       evaluation); with {@code real_from: train_data}, the first {@code n_real} images of the labelled set's
 *       test split (the images the classifier did not learn from, and the test side of the baseline), so a run
 *       trained on a few images is measured against the whole set it was drawn from;
 *   <li>{@code fd_real_baseline}: FD between {@code n_real} test-split and {@code n_real} train-split images, the
 *       value a generator indistinguishable from the data would get at this sample size (FD is biased upward
 *       for finite n);
 *   <li>{@code precision}, {@code recall} (Kynkäänniemi et al. 2019, k = {@code k}) and their real-vs-real
 *       baselines {@code precision_real_baseline}, {@code recall_real_baseline};
 *   <li>{@code kid}, {@code kid_std} (Bińkowski et al. 2018, {@link KernelInceptionDistance}: mean and standard
 *       deviation of the unbiased MMD² over {@code kid_subsets} subsets of {@code kid_subset_size}, default
 *       1,000 capped by n) and {@code kid_real_baseline} (test split vs train split, subsets capped by their n);
 *   <li>{@code density}, {@code coverage} (Naeem et al. 2020, k = {@code density_k}, {@link DensityCoverage}) and
 *       their real-vs-real baselines;
 *   <li>with {@code intra_class_n} > 0 in a class-conditional run: {@code intra_fd} (the mean over classes) and
 *       {@code intra_fd_c<k>} per class ({@link IntraClassFd}): {@code intra_class_n} real images of each class
 *       from the labelled set (all of them when a class has fewer) against as many G(z | k);
 *   <li>{@code classifier_accuracy} on the test split, {@code n_real}, {@code n_fake};
 *   <li>for a class-conditional run, {@code conditional_accuracy}: the fraction of G(z | y) classified as y.
 * </ul>
 * Since results are numbers, the extractor id goes to the log and, with the step and all of the above, to the
 * run's evaluation record ({@link EvalContext#report}, key {@code <prefix>classifier-fd}).
 *
 * <p>The classifier, the real features and the baselines are computed at the first evaluation and kept for the
 * later ones; only the generated features are computed each time. Relative paths in {@code train_data} resolve
 * against the working directory (a metric does not see the config's folder).
 */
public final class ClassifierFdMetric implements Metric, AutoCloseable, Validated {
    private static final Logger LOG = LoggerFactory.getLogger("gan.metrics");

    @JsonPropertyDescription("labelled images the feature classifier learns from (a data section with its own "
            + "type:); default: the run's data")
    private DataSource trainData;

    @JsonPropertyDescription("fraction of the labelled set held out as the test split (classifier accuracy and "
            + "the real-vs-real baseline)")
    private double holdout = 0.2;

    @JsonProperty("n_real")
    @JsonPropertyDescription("real samples (and test/train samples of the baseline)")
    private int nReal = 2000;

    @JsonProperty("n_fake")
    @JsonPropertyDescription("generated samples")
    private int nFake = 2000;

    @JsonPropertyDescription("k of the k-nearest-neighbour radii of precision and recall")
    private int k = 3;

    @JsonPropertyDescription("passes of the classifier over the train split")
    private int epochs = 4;

    @JsonPropertyDescription("filters of the classifier's first convolution (the second has twice as many)")
    private int width = 16;

    @JsonPropertyDescription("classifier minibatch size")
    private int batchSize = 32;

    @JsonPropertyDescription("classifier Adam learning rate")
    private double learningRate = 0.001;

    @JsonPropertyDescription("seed of the classifier's weights and minibatch order (not the run's seed, so runs "
            + "with different seeds share one extractor)")
    private long classifierSeed = 1;

    @JsonPropertyDescription("folder of cached classifiers; default ~/.cache/gan4j/classifiers")
    private String cacheDir = "";

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    @JsonProperty("kid_subsets")
    @JsonPropertyDescription("KID: random subsets the unbiased MMD² is averaged over")
    private int kidSubsets = 100;

    @JsonProperty("kid_subset_size")
    @JsonPropertyDescription("KID: vectors per subset, at most min(n_real, n_fake); default 1000 capped by them")
    private Integer kidSubsetSize;

    @JsonProperty("density_k")
    @JsonPropertyDescription("k of the real k-NN balls of density and coverage (Naeem et al. use 5)")
    private int densityK = 5;

    @JsonProperty("real_from")
    @JsonPropertyDescription("where the n_real real images of fd, precision/recall, KID and density/coverage come "
            + "from: run (the run's data) or train_data (the labelled set's test split)")
    private String realFrom = REAL_FROM_RUN;

    /** The accepted values of {@code real_from}. */
    static final String REAL_FROM_RUN = "run";
    static final String REAL_FROM_TRAIN_DATA = "train_data";

    @JsonProperty("intra_class_n")
    @JsonPropertyDescription("class-conditional runs: real and generated images per class for the intra-class FD "
            + "(0: off; else more than the 128 features)")
    private int intraClassN = 0;

    /** KID's default subset size before it is capped by n (Bińkowski et al.). */
    static final int DEFAULT_KID_SUBSET = 1000;

    /** Everything fixed for the run, computed at the first evaluation. */
    private Prepared prepared;

    private record Prepared(NDManager manager, Entry extractor, double accuracy, int nTrain, int nTest,
            int nBaseline, double fdBaseline, PrecisionRecall.Result prBaseline, FrechetDistance.Moments real,
            float[] realFeatures, double[] realRadii, SampleSource data, KernelInceptionDistance.Result kidBaseline,
            DensityCoverage.Result dcBaseline, double[] densityRadii, LabelledImages labelled,
            float[][] intraRealFeatures) {}

    /**
     * For a class-conditional run: the fraction of G(z | y) the classifier assigns to the asked-for
     * class y (compare with the classifier's accuracy on real held-out images); empty otherwise.
     */
    private java.util.Optional<Double> conditionalAccuracy(EvalContext context, Prepared p) {
        return context.conditionalSamples(nFake).filter(c -> c.numClasses() > 0).map(c -> {
            float[] asked = c.pair().condition().toFloatArray();
            int[] labels = new int[asked.length];
            for (int i = 0; i < asked.length; i++) {
                labels[i] = Math.round(asked[i]);
            }
            return p.extractor().classifier().accuracy(c.output().toFloatArray(), labels);
        });
    }

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws IOException {
        if (prepared == null || prepared.data() != context.data()) {
            close();
            prepared = prepare(context);
        }
        Prepared p = prepared;
        int d = FeatureClassifier.FEATURES;
        // generate(n) is shared with the other metrics and plots of this evaluation: read, never closed here.
        float[] fake = p.extractor().classifier().features(context.generate(nFake));
        double fd = FrechetDistance.distance(p.real(), FrechetDistance.moments(fake, nFake, d));
        PrecisionRecall.Result pr = PrecisionRecall.compute(p.realFeatures(), p.realRadii(), fake,
                PrecisionRecall.radii(fake, d, k), d);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "fd", fd);
        out.put(prefix + "fd_real_baseline", p.fdBaseline());
        out.put(prefix + "precision", pr.precision());
        out.put(prefix + "recall", pr.recall());
        out.put(prefix + "precision_real_baseline", p.prBaseline().precision());
        out.put(prefix + "recall_real_baseline", p.prBaseline().recall());
        out.put(prefix + "classifier_accuracy", p.accuracy());
        conditionalAccuracy(context, p).ifPresent(a -> out.put(prefix + "conditional_accuracy", a));
        KernelInceptionDistance.Result kid = KernelInceptionDistance.compute(p.realFeatures(), fake, d, kidSubsets,
                kidSubsetSize(), classifierSeed);
        out.put(prefix + "kid", kid.mean());
        out.put(prefix + "kid_std", kid.std());
        out.put(prefix + "kid_real_baseline", p.kidBaseline().mean());
        DensityCoverage.Result dc = DensityCoverage.compute(p.realFeatures(), p.densityRadii(), fake, d, densityK);
        out.put(prefix + "density", dc.density());
        out.put(prefix + "coverage", dc.coverage());
        out.put(prefix + "density_real_baseline", p.dcBaseline().density());
        out.put(prefix + "coverage_real_baseline", p.dcBaseline().coverage());
        IntraClassFd.Result intra = intraClass(context, p);
        if (intra != null) {
            out.put(prefix + "intra_fd", intra.mean());
            for (int c = 0; c < intra.perClass().length; c++) {
                out.put(prefix + "intra_fd_c" + c, intra.perClass()[c]);
            }
        }
        out.put(prefix + "n_real", (double) nReal);
        out.put(prefix + "n_fake", (double) nFake);
        LOG.info(String.format(Locale.ROOT, "classifier-fd step %d: fd %.3f (real-vs-real baseline %.3f), "
                + "precision %.3f, recall %.3f (baselines %.3f, %.3f); extractor %s, accuracy %.4f, n_real %d, "
                + "n_fake %d", context.step(), fd, p.fdBaseline(), pr.precision(), pr.recall(),
                p.prBaseline().precision(), p.prBaseline().recall(), p.extractor().id(), p.accuracy(), nReal, nFake));
        report(context, p, out, kid, intra);
        return out;
    }

    /** KID's subset size: the configured one, or 1,000 capped by n_real and n_fake. */
    int kidSubsetSize() {
        return kidSubsetSize != null ? kidSubsetSize : Math.min(DEFAULT_KID_SUBSET, Math.min(nReal, nFake));
    }

    /**
     * The intra-class FD of a class-conditional run ({@code intra_class_n} per class), null when off.
     *
     * @throws IllegalStateException when the run is not class-conditional
     */
    private IntraClassFd.Result intraClass(EvalContext context, Prepared p) {
        if (intraClassN == 0) {
            return null;
        }
        int classes = p.labelled().numClasses();
        ConditionalSamples c = context.conditionalSamples(classes * intraClassN).filter(s -> s.numClasses() > 0)
                .orElseThrow(() -> new IllegalStateException("classifier-fd: intra_class_n " + intraClassN
                        + " asks for an intra-class FD, which needs a class-conditional run (task: "
                        + "{type: class-conditional}); set intra_class_n: 0 for this run"));
        if (c.numClasses() != classes) {
            throw new IllegalStateException("classifier-fd: the run has " + c.numClasses() + " classes but the "
                    + "labelled set of the classifier has " + classes);
        }
        float[] asked = c.pair().condition().toFloatArray();
        int[] fakeLabels = new int[asked.length];
        for (int i = 0; i < asked.length; i++) {
            fakeLabels[i] = Math.round(asked[i]);
        }
        float[] fake = p.extractor().classifier().features(c.output());
        LabelledImages real = p.labelled();
        if (p.intraRealFeatures()[0] == null) { // the real side is fixed for the run: its features once
            p.intraRealFeatures()[0] = p.extractor().classifier().features(real.x(), real.size());
        }
        return IntraClassFd.compute(p.intraRealFeatures()[0], real.y(), fake,
                fakeLabels, FeatureClassifier.FEATURES, classes, IntraClassFd.minimumPerClass(FeatureClassifier.FEATURES));
    }

    /** Up to {@code perClass} images of every class of {@code all}, in read order; null when off. */
    private static LabelledImages perClass(LabelledImages all, int perClass) {
        if (perClass == 0) {
            return null;
        }
        int[] taken = new int[all.numClasses()];
        int s = all.sampleSize();
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (taken[all.y()[i]]++ < perClass) {
                keep.add(i);
            }
        }
        float[] x = new float[keep.size() * s];
        int[] y = new int[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            System.arraycopy(all.x(), keep.get(j) * s, x, j * s, s);
            y[j] = all.y()[keep.get(j)];
        }
        int min = perClass;
        for (int c = 0; c < taken.length; c++) {
            min = Math.min(min, Math.min(taken[c], perClass));
            if (taken[c] < IntraClassFd.minimumPerClass(FeatureClassifier.FEATURES)) {
                throw new IllegalStateException("classifier-fd: intra-class FD needs more than "
                        + FeatureClassifier.FEATURES + " real images of every class (the feature dimension), but the "
                        + "labelled set has " + taken[c] + " of class " + c + "; use a larger train_data or intra_class_n: 0");
            }
        }
        if (min < perClass) {
            LOG.warn("classifier-fd: intra-class FD uses {} real images of the smallest class (intra_class_n {})",
                    min, perClass);
        }
        return new LabelledImages(x, y, all.sampleShape(), all.numClasses());
    }

    private Prepared prepare(EvalContext context) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try {
            LabelledImages all;
            if (trainData == null) {
                all = LabelledImages.readAll(context.data(), manager, "the run's data (the default train_data)");
            } else {
                DataContext dc = new DataContext(Path.of("").toAbsolutePath(), context.seed());
                try (SampleSource source = trainData.open(dc)) {
                    all = LabelledImages.readAll(source, manager, "train_data");
                }
            }
            if (!all.sampleShape().equals(context.data().sampleShape())) {
                throw new IllegalStateException("classifier-fd: train_data holds samples of shape "
                        + all.sampleShape() + " but the run's samples have shape " + context.data().sampleShape());
            }
            int n = all.size();
            int nTest = (int) Math.round(holdout * n);
            if (nTest < 2 || n - nTest < 2) {
                throw new IllegalStateException("classifier-fd: holdout " + holdout + " of " + n
                        + " images leaves " + nTest + " test and " + (n - nTest) + " train images; need at least 2 each");
            }
            LabelledImages train = all.range(0, n - nTest);
            LabelledImages test = all.range(n - nTest, n);
            Recipe recipe = new Recipe(width, epochs, batchSize, learningRate, holdout, classifierSeed);
            Entry extractor = ClassifierCache.obtain(cacheDirectory(), recipe, all, train, manager);
            FeatureClassifier classifier = extractor.classifier();
            double accuracy = classifier.accuracy(test);
            LOG.info(String.format(Locale.ROOT, "classifier-fd: extractor %s (%s), accuracy %.4f on %d test-split "
                    + "images", extractor.id(), extractor.trained() ? "trained now" : "from the cache", accuracy,
                    nTest));

            int d = FeatureClassifier.FEATURES;
            int nBaseline = Math.min(nReal, Math.min(nTest, n - nTest));
            if (nBaseline < nReal) {
                LOG.warn("classifier-fd: the baseline uses {} test and {} train images (fewer than n_real = {}); "
                        + "it is biased upward against fd", nBaseline, nBaseline, nReal);
            }
            float[] testFeatures = classifier.features(test.first(nBaseline).x(), nBaseline);
            float[] trainFeatures = classifier.features(train.first(nBaseline).x(), nBaseline);
            double fdBaseline = FrechetDistance.distance(FrechetDistance.moments(trainFeatures, nBaseline, d),
                    FrechetDistance.moments(testFeatures, nBaseline, d));
            PrecisionRecall.Result prBaseline = PrecisionRecall.compute(trainFeatures, testFeatures, d, k);
            KernelInceptionDistance.Result kidBaseline = KernelInceptionDistance.compute(trainFeatures, testFeatures, d,
                    kidSubsets, Math.min(kidSubsetSize(), nBaseline), classifierSeed);
            DensityCoverage.Result dcBaseline = DensityCoverage.compute(trainFeatures, testFeatures, d, densityK);

            float[] realFeatures = realFeatures(context, classifier, test);
            return new Prepared(manager, extractor, accuracy, n - nTest, nTest, nBaseline, fdBaseline, prBaseline,
                    FrechetDistance.moments(realFeatures, nReal, d), realFeatures,
                    PrecisionRecall.radii(realFeatures, d, k), context.data(), kidBaseline, dcBaseline,
                    PrecisionRecall.radii(realFeatures, d, densityK), perClass(all, intraClassN), new float[1][]);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Features of the n_real real images: the run's samples, or the first n_real of the test split. */
    private float[] realFeatures(EvalContext context, FeatureClassifier classifier, LabelledImages test) {
        if (REAL_FROM_TRAIN_DATA.equals(realFrom)) {
            if (nReal > test.size()) {
                throw new IllegalStateException("classifier-fd: real_from: train_data takes n_real (" + nReal
                        + ") images from train_data's test split, which holds " + test.size() + " (holdout "
                        + holdout + "); use n_real <= " + test.size() + " or a larger holdout");
            }
            return classifier.features(test.first(nReal).x(), nReal);
        }
        try (NDManager scope = context.manager().newSubManager()) {
            NDArray real = context.realSamples(nReal);
            real.attach(scope);
            return classifier.features(real);
        }
    }

    /** Where the real images came from, as the evaluation record says it. */
    private String realSplit(Prepared p) {
        return REAL_FROM_TRAIN_DATA.equals(realFrom)
                ? "train_data: test split, its first " + nReal + " of " + p.nTest() + " images (held out from the classifier)"
                : "run data (evaluation stream)";
    }

    private Path cacheDirectory() {
        if (cacheDir.isEmpty()) {
            return Path.of(System.getProperty("user.home"), ".cache", "gan4j", "classifiers");
        }
        return Path.of(cacheDir).toAbsolutePath();
    }

    /**
     * Hands core how this evaluation measured (it goes to the run's evaluation record under
     * {@code <prefix>classifier-fd}): the extractor that defines the feature space, the split sizes, k, and
     * the results by their unprefixed names (non-finite numbers as null).
     */
    private void report(EvalContext context, Prepared p, Map<String, Double> results,
            KernelInceptionDistance.Result kid, IntraClassFd.Result intra) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("step", context.step());
        facts.put("n_real", nReal);
        facts.put("n_fake", nFake);
        facts.put("real_split", realSplit(p));
        facts.put("baseline_split", "train_data: test split vs train split, " + p.nBaseline() + " each");
        facts.put("generator", context.generatorScored());
        facts.put("results", java.util.List.copyOf(results.keySet()));
        facts.put("kid_subsets", kid.subsets());
        facts.put("kid_subset_size", kid.subsetSize());
        facts.put("density_k", densityK);
        if (intra != null) {
            facts.put("intra_class_real_split", "train_data: the first " + intraClassN + " images of each class");
            facts.put("intra_class_n_real", java.util.Arrays.stream(intra.nReal()).boxed().toList());
            facts.put("intra_class_n_fake", java.util.Arrays.stream(intra.nFake()).boxed().toList());
        }
        facts.put("extractor_id", p.extractor().id());
        facts.put("extractor_key", p.extractor().key());
        facts.put("extractor", new Recipe(width, epochs, batchSize, learningRate, holdout, classifierSeed).describe());
        facts.put("extractor_file", p.extractor().file().toString());
        facts.put("extractor_trained_now", p.extractor().trained());
        facts.put("n_train", p.nTrain());
        facts.put("n_test", p.nTest());
        facts.put("n_baseline", p.nBaseline());
        facts.put("k", k);
        facts.put("accuracy", finiteOrNull(p.accuracy()));
        for (Map.Entry<String, Double> e : results.entrySet()) {
            facts.put(e.getKey().substring(prefix.length()), finiteOrNull(e.getValue()));
        }
        context.report(prefix.replace('_', '-') + "classifier-fd", facts);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Frees the classifier and the real features; the trainer calls it when a run ends, also on failure. */
    @Override
    public void close() {
        if (prepared != null) {
            prepared.extractor().classifier().close();
            prepared.manager().close();
            prepared = null;
        }
    }

    /** The extractor of the last evaluation, for tests. */
    Entry extractor() {
        return prepared == null ? null : prepared.extractor();
    }

    public DataSource getTrainData() {
        return trainData;
    }

    public void setTrainData(DataSource trainData) {
        if (trainData == null) {
            throw new IllegalArgumentException("must be a data section with a type: (a labelled image data set)");
        }
        this.trainData = trainData;
    }

    public double getHoldout() {
        return holdout;
    }

    public void setHoldout(double holdout) {
        this.holdout = ConfigChecks.inRange(holdout, 0.01, 0.9, false);
    }

    @JsonProperty("n_real")
    public int getNReal() {
        return nReal;
    }

    @JsonProperty("n_real")
    public void setNReal(int nReal) {
        if (nReal < 10) {
            throw new IllegalArgumentException("must be an integer >= 10, got " + nReal);
        }
        this.nReal = nReal;
    }

    @JsonProperty("n_fake")
    public int getNFake() {
        return nFake;
    }

    @JsonProperty("n_fake")
    public void setNFake(int nFake) {
        if (nFake < 10) {
            throw new IllegalArgumentException("must be an integer >= 10, got " + nFake);
        }
        this.nFake = nFake;
    }

    public int getK() {
        return k;
    }

    public void setK(int k) {
        this.k = ConfigChecks.positive(k);
    }

    public int getEpochs() {
        return epochs;
    }

    public void setEpochs(int epochs) {
        this.epochs = ConfigChecks.positive(epochs);
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = ConfigChecks.positive(width);
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = ConfigChecks.positive(batchSize);
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = ConfigChecks.positive(learningRate);
    }

    public long getClassifierSeed() {
        return classifierSeed;
    }

    public void setClassifierSeed(long classifierSeed) {
        this.classifierSeed = classifierSeed;
    }

    /** Null (left out of a resolved config) when unset, so that the resolved config loads again. */
    public String getCacheDir() {
        return cacheDir.isEmpty() ? null : cacheDir;
    }

    public void setCacheDir(String cacheDir) {
        if (cacheDir == null || cacheDir.isBlank()) {
            if (cacheDir != null && cacheDir.isEmpty()) { // "" as written by earlier resolved configs: the default
                this.cacheDir = "";
                return;
            }
            throw new IllegalArgumentException("must be a folder path, got an empty value");
        }
        this.cacheDir = cacheDir.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), cacheDir.substring(2)).toString() : cacheDir;
    }

    @JsonProperty("kid_subsets")
    public int getKidSubsets() {
        return kidSubsets;
    }

    @JsonProperty("kid_subsets")
    public void setKidSubsets(int kidSubsets) {
        this.kidSubsets = ConfigChecks.positive(kidSubsets);
    }

    /** Null (left out of a resolved config) when unset: 1,000 capped by n. */
    @JsonProperty("kid_subset_size")
    public Integer getKidSubsetSize() {
        return kidSubsetSize;
    }

    @JsonProperty("kid_subset_size")
    public void setKidSubsetSize(Integer kidSubsetSize) {
        if (kidSubsetSize == null || kidSubsetSize < 2) {
            throw new IllegalArgumentException("must be an integer >= 2 (at most min(n_real, n_fake)), got "
                    + kidSubsetSize);
        }
        this.kidSubsetSize = kidSubsetSize;
    }

    @JsonProperty("density_k")
    public int getDensityK() {
        return densityK;
    }

    @JsonProperty("density_k")
    public void setDensityK(int densityK) {
        this.densityK = ConfigChecks.positive(densityK);
    }

    @JsonProperty("real_from")
    public String getRealFrom() {
        return realFrom;
    }

    @JsonProperty("real_from")
    public void setRealFrom(String realFrom) {
        this.realFrom = ConfigChecks.oneOf(realFrom, java.util.List.of(REAL_FROM_RUN,
                REAL_FROM_TRAIN_DATA));
    }

    @JsonProperty("intra_class_n")
    public int getIntraClassN() {
        return intraClassN;
    }

    @JsonProperty("intra_class_n")
    public void setIntraClassN(int intraClassN) {
        int min = IntraClassFd.minimumPerClass(FeatureClassifier.FEATURES);
        if (intraClassN != 0 && intraClassN < min) {
            throw new IllegalArgumentException("must be 0 (off) or at least " + min + " images per class (more than the "
                    + FeatureClassifier.FEATURES + " features, else each class's covariance is singular), got "
                    + intraClassN);
        }
        this.intraClassN = intraClassN;
    }

    /** A KID subset is drawn from each set without replacement, so it cannot be larger than either. */
    @Override
    public void validate() {
        if (kidSubsetSize != null && kidSubsetSize > Math.min(nReal, nFake)) {
            throw new IllegalArgumentException("kid_subset_size: " + kidSubsetSize + " is larger than n_real ("
                    + nReal + ") or n_fake (" + nFake + "); a subset is drawn from each without replacement: use at "
                    + "most " + Math.min(nReal, nFake) + ", or leave it out (1000 capped by n)");
        }
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = ResultKeys.prefix(prefix);
    }
}
