package org.gan4j.datasets;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MNIST-style IDX data (MNIST, Fashion-MNIST, KMNIST...): samples (1, rows, cols) scaled to
 * [−1, 1], labels from the matching labels file; read from {@code path}, else from Debian's
 * {@code dataset-fashion-mnist} package, else from the embedded Fashion-MNIST test split.
 */
public final class IdxData implements DataSource {
    private static final Logger LOG = LoggerFactory.getLogger("gan.data");

    /** Where Debian's dataset-fashion-mnist package installs the files. */
    static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class path folder of the embedded Fashion-MNIST test split (MIT, Zalando SE). */
    static final String EMBEDDED = "/org/gan4j/datasets/fashion-mnist/";

    /** Fashion-MNIST's class count, for the built-in copies (a small limit may leave some unseen). */
    static final int FASHION_MNIST_CLASSES = 10;

    @JsonPropertyDescription("folder holding the IDX files as officially named (train-images-idx3-ubyte[.gz], "
            + "train-labels-idx1-ubyte[.gz], t10k-...); default: Debian's /usr/share/datasets/fashion-mnist, "
            + "else the embedded Fashion-MNIST test split (10,000 images)")
    private String path;

    @JsonPropertyDescription("train or test (the embedded default only has test and serves it for both)")
    private String split = "train";

    @JsonPropertyDescription("attach class labels to batches")
    private boolean labels = true;

    @JsonPropertyDescription("number of classes; labels must be 0..classes-1 (default: inferred from the labels, "
            + "which must then leave no id without a sample; 10 for the built-in Fashion-MNIST)")
    private Integer classes;

    @JsonPropertyDescription("use only the first this many images (0: all)")
    private int limit = 0;

    @JsonPropertyDescription("background pixels added on every side (2 turns 28×28 into 32×32)")
    private int pad = 0;

    /** Overridable for tests: where to look for Debian's package. */
    private Path debianFolder = DEBIAN_FASHION_MNIST;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("must be a folder path, got an empty value");
        }
        this.path = path;
    }

    public String getSplit() {
        return split;
    }

    public void setSplit(String split) {
        this.split = ConfigChecks.oneOf(split, List.of("train", "test"));
    }

    public boolean isLabels() {
        return labels;
    }

    public void setLabels(boolean labels) {
        this.labels = labels;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = ConfigChecks.nonNegative(limit);
    }

    public Integer getClasses() {
        return classes;
    }

    public void setClasses(Integer classes) {
        this.classes = classes == null ? null : ConfigChecks.positive(classes);
    }

    void debianFolder(Path folder) {
        this.debianFolder = folder;
    }

    public int getPad() {
        return pad;
    }

    public void setPad(int pad) {
        this.pad = ConfigChecks.nonNegative(pad);
    }

    @Override
    public SampleSource open(DataContext context) throws IOException {
        return new ImageSamples(load(context).padded(pad));
    }

    /** Decodes the configured files. */
    ImageSet load(DataContext context) throws IOException {
        String prefix = "train".equals(split) ? "train" : "t10k";
        if (path != null) {
            Path folder = context.resolve(path);
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + ": not a folder; path must name the folder holding "
                        + prefix + "-images-idx3-ubyte[.gz] and " + prefix + "-labels-idx1-ubyte[.gz]");
            }
            return fromFolder(folder, prefix, classes);
        }
        if (Files.isDirectory(debianFolder) && find(debianFolder, prefix, "images", 3).isPresent()) {
            LOG.info("idx: reading Debian's Fashion-MNIST ({} split) from {}", split, debianFolder);
            return fromFolder(debianFolder, prefix, classes != null ? classes : FASHION_MNIST_CLASSES);
        }
        if ("train".equals(split)) {
            LOG.warn("idx: no path given and no Fashion-MNIST under {}; the embedded Fashion-MNIST test split "
                    + "(10,000 images) stands in for split 'train'", debianFolder);
        } else {
            LOG.info("idx: using the embedded Fashion-MNIST test split (10,000 images, MIT, Zalando SE)");
        }
        return embedded(labels, limit);
    }

    private ImageSet fromFolder(Path folder, String prefix, Integer declaredClasses) throws IOException {
        Path images = find(folder, prefix, "images", 3).orElseThrow(() -> new IOException(folder
                + ": no " + prefix + "-images-idx3-ubyte file (accepted: " + candidates(prefix, "images", 3) + ")"));
        IdxFiles.Images read = IdxFiles.readImages(images, limit);
        Shape shape = new Shape(1, read.rows(), read.cols());
        if (!labels) {
            return new ImageSet(read.pixels(), null, 0, shape, images.toString());
        }
        Path labelFile = find(folder, prefix, "labels", 1).orElseThrow(() -> new IOException(folder
                + ": no " + prefix + "-labels-idx1-ubyte file (accepted: " + candidates(prefix, "labels", 1)
                + "); set labels: false to train without labels"));
        byte[] raw = IdxFiles.readLabels(labelFile, limit);
        return withLabels(read, raw, images.toString(), labelFile.toString(), declaredClasses);
    }

    /** The embedded Fashion-MNIST test split: 10,000 images (1, 28, 28), 10 classes. */
    static ImageSet embedded(boolean withLabels, int limit) throws IOException {
        String imagesName = EMBEDDED + "t10k-images-idx3-ubyte.gz";
        String labelsName = EMBEDDED + "t10k-labels-idx1-ubyte.gz";
        IdxFiles.Images read = IdxFiles.readImages("embedded " + imagesName,
                () -> IdxData.class.getResourceAsStream(imagesName), limit);
        Shape shape = new Shape(1, read.rows(), read.cols());
        if (!withLabels) {
            return new ImageSet(read.pixels(), null, 0, shape, "embedded Fashion-MNIST");
        }
        byte[] raw = IdxFiles.readLabels("embedded " + labelsName,
                () -> IdxData.class.getResourceAsStream(labelsName), limit);
        return withLabels(read, raw, "embedded " + imagesName, "embedded " + labelsName, FASHION_MNIST_CLASSES);
    }

    /**
     * Images with their labels, checked against the class count: declared ({@code classes:}), or inferred
     * as the largest label + 1, which must leave no id without a sample (IDX declares no class count, and
     * a stray label would otherwise size a class-conditional model).
     */
    private static ImageSet withLabels(IdxFiles.Images read, byte[] raw, String imagesName, String labelsName,
            Integer declaredClasses) throws IOException {
        if (raw.length != read.count()) {
            throw new IOException(labelsName + ": holds " + raw.length + " labels but " + imagesName
                    + " holds " + read.count() + " images; expected one label per image");
        }
        int[] ids = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            ids[i] = raw[i] & 0xFF;
        }
        int numClasses = declaredClasses != null ? LabelClasses.checkDeclared(ids, declaredClasses, labelsName)
                : LabelClasses.inferWithoutGaps(ids, labelsName);
        return new ImageSet(read.pixels(), ids, numClasses, new Shape(1, read.rows(), read.cols()), imagesName);
    }

    /** The first existing file among the accepted names, e.g. t10k-images-idx3-ubyte.gz. */
    static Optional<Path> find(Path folder, String prefix, String kind, int dims) {
        for (String name : candidates(prefix, kind, dims)) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Official names, plus the dotted variant some unpackers write (train-images.idx3-ubyte). */
    private static List<String> candidates(String prefix, String kind, int dims) {
        List<String> names = new ArrayList<>();
        for (String base : List.of(prefix + "-" + kind + "-idx" + dims + "-ubyte",
                prefix + "-" + kind + ".idx" + dims + "-ubyte")) {
            names.add(base + ".gz");
            names.add(base);
        }
        return names;
    }
}
