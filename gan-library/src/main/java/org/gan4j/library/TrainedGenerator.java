package org.gan4j.library;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunException;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.config.LatentConfig;
import org.gan4j.core.output.ImageGrid;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunFacts;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.NoiseSampler;

/**
 * A trained generator G as an object: opened from a run directory (its newest valid checkpoint), from one
 * checkpoint file of a run, or from an export ({@link #export}); it needs no trainer, no metrics and no
 * config file beyond what it reads.
 *
 * <p><b>Inputs.</b> z has {@link #latentDim()} values; {@link #generate(int, long)} draws it from the prior the
 * run trained with, exactly as {@code gan sample} does for the same seed. A class-conditional G also takes one
 * class id in 0..{@link #numClasses()}−1 per sample. An image-conditional G (super-resolution, colorization,
 * inpainting) takes one condition per sample of exactly the trained {@link #conditionShape()} (C, H, W) with
 * values in [−1, 1] (x = byte/127.5 − 1; inpainting's mask channel is 0 or 1): the size rule is the trained
 * size only, even for a fully convolutional G, and any other shape or range is a {@link ConditionException}.
 * The output is G's raw answer; the task's composition (pasting into the hole, resetting the luma) is not
 * applied.
 *
 * <p><b>Outputs.</b> One float array per sample in {@link #sampleShape()} order (C, H, W row-major for
 * images). For images the trained range is [−1, 1] ({@link #valueRange()}); G's tanh keeps its output inside
 * it, and {@link #toImage} clamps to it and maps to bytes as (x + 1)·127.5. For other data the values are in
 * the data's own units.
 *
 * <p>Not thread-safe: use one instance per thread. Close it to free its native memory.
 */
public final class TrainedGenerator implements AutoCloseable {
    private final NDManager manager;
    private final Block generator;
    private final ParameterStore store;
    private final GeneratorManifest manifest;
    private final NoiseSampler noise;

    private TrainedGenerator(NDManager manager, Block generator, GeneratorManifest manifest) {
        this.manager = manager;
        this.generator = generator;
        this.store = new ParameterStore(manager, false);
        this.manifest = manifest;
        this.noise = new NoiseSampler(manifest.latentDim(),
                LatentConfig.Prior.fromYaml(manifest.latentDistribution()));
    }

    /**
     * Opens a run directory, a checkpoint file inside a run ({@code RUN/checkpoints/*.ckpt}) or an export folder.
     *
     * @throws NotAGeneratorException when {@code path} is none of these
     * @throws ExportVersionException when the export was written by a newer gan4j
     */
    static TrainedGenerator open(Path path, GanFramework framework, String engine) {
        if (Files.isRegularFile(path)) {
            Path checkpoints = path.toAbsolutePath().normalize().getParent();
            Path run = checkpoints == null ? null : checkpoints.getParent();
            if (run == null || !RunDirectory.CHECKPOINTS.equals(String.valueOf(checkpoints.getFileName()))
                    || !isRun(run)) {
                throw new NotAGeneratorException(path + " is a file but not a checkpoint inside a run directory "
                        + "(RUN/checkpoints/*.ckpt); open a run directory, a checkpoint of one, or an export folder");
            }
            return fromRun(RunDirectory.openForReading(run), path, framework, engine);
        }
        if (!Files.isDirectory(path)) {
            throw new NotAGeneratorException(path + ": no such file or folder; open a run directory, a checkpoint of "
                    + "one, or an export folder");
        }
        if (Files.isRegularFile(path.resolve(GeneratorManifest.FILE)) && !isRun(path)) {
            return fromExport(path, framework, engine); // a foreign manifest.json is refused there, by name
        }
        if (!isRun(path)) {
            throw new NotAGeneratorException(path + " is neither a gan4j run directory (no " + RunDirectory.MARKER
                    + ") nor a generator export (no " + GeneratorManifest.FILE + "); open a run directory, a "
                    + "checkpoint of one, or an export folder");
        }
        return fromRun(RunDirectory.openForReading(path), null, framework, engine);
    }

    private static boolean isRun(Path dir) {
        try {
            RunDirectory.openForReading(dir);
            return true;
        } catch (RunException notARun) {
            return false;
        }
    }

    private static TrainedGenerator fromRun(RunDirectory run, Path checkpoint, GanFramework framework, String engine) {
        ExperimentConfig config = framework.configLoader().load(run.file(RunDirectory.CONFIG),
                engine == null ? List.of() : List.of("engine=" + engine)).config();
        GanEngine selected = select(config.getEngine());
        RunFacts facts = run.readFacts();
        ModelSpec spec = new ModelSpec(new Shape(facts.sampleShape()), facts.latentDim(),
                facts.numClasses() == null ? 0 : facts.numClasses(),
                facts.conditionShape() == null ? null : new Shape(facts.conditionShape()),
                config.getTrainer().getPacking()); // D is restored too: built for the packs it was trained on
        NDManager root = NDManager.newBaseManager();
        try {
            GanNetworks nets = GanNetworks.create(config.getModel(), spec, root);
            CheckpointStore store = run.checkpoints();
            CheckpointStore.Restored restored = checkpoint != null ? store.restoreNetworks(checkpoint, nets, root)
                    : store.restoreLatestNetworks(nets, root).orElseThrow(() -> new NotAGeneratorException(run.path()
                            + " is a run directory without a valid checkpoint; train it (or let it reach its first "
                            + "checkpoint) before opening its generator"));
            ObjectMapper mapper = configMapper(framework);
            GeneratorManifest manifest = new GeneratorManifest(GeneratorManifest.FORMAT,
                    GeneratorManifest.FORMAT_VERSION, section(mapper, config.getModel(), Architecture.class),
                    config.getTask() == null ? null
                            : section(mapper, config.getTask(), org.gan4j.api.conditional.ConditionalTask.class),
                    spec.latentDim(), config.getLatent().getDistribution().yamlName(), facts.sampleShape(),
                    facts.sampleShape().length == 3 ? new float[] {-1f, 1f} : null, spec.numClasses(),
                    facts.conditionShape(), facts.engine() != null ? facts.engine() : config.getEngine(),
                    Gan4j.version(),
                    new GeneratorManifest.Provenance(run.path().toAbsolutePath().normalize().toString(),
                            restored.file().toAbsolutePath().normalize().toString(), restored.step(), facts.seed(),
                            facts.config(), null),
                    "little-endian", "float32", List.of());
            return new TrainedGenerator(root, nets.generator(), manifest);
        } catch (IOException e) {
            root.close();
            throw new RunException("cannot read the checkpoints of " + run.path() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static TrainedGenerator fromExport(Path dir, GanFramework framework, String engine) {
        GeneratorManifest manifest = GeneratorExport.readManifest(dir);
        GanEngine selected = select(engine != null ? engine : processEngine());
        Architecture architecture;
        try {
            architecture = configMapper(framework).treeToValue(manifest.architecture(), Architecture.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidExportException(dir.resolve(GeneratorManifest.FILE) + ": architecture "
                    + manifest.architecture() + " cannot be built here: " + e.getMessage().lines().findFirst().orElse("")
                    + " (is the plugin that registers it on the class path?)", e);
        }
        ModelSpec spec = new ModelSpec(new Shape(manifest.sampleShape()), manifest.latentDim(), manifest.numClasses(),
                manifest.conditionShape() == null ? null : new Shape(manifest.conditionShape()));
        NDManager root = NDManager.newBaseManager(selected.djlEngineName());
        try {
            Block g = architecture.generator(spec);
            Shape z = new Shape(1, spec.latentDim());
            if (spec.conditionShape() != null) {
                g.initialize(root, DataType.FLOAT32, z, new Shape(1).addAll(spec.conditionShape()));
            } else if (spec.numClasses() > 0) {
                g.initialize(root, DataType.FLOAT32, z, new Shape(1));
            } else {
                g.initialize(root, DataType.FLOAT32, z);
            }
            GeneratorExport.loadParameters(dir, manifest, g);
            return new TrainedGenerator(root, g, manifest);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * The engine an export loads on when none is named: the one DJL's {@code ai.djl.default_engine} names when
     * an engine module matches it, else {@link GanEngines#DEFAULT}.
     */
    private static String processEngine() {
        String djl = System.getProperty("ai.djl.default_engine");
        return GanEngines.available().values().stream().filter(e -> e.djlEngineName().equals(djl))
                .map(GanEngine::name).findFirst().orElse(GanEngines.DEFAULT);
    }

    /** Makes {@code name} this process's engine (one per process); a name no engine module has is bad input. */
    private static GanEngine select(String name) {
        try {
            return GanEngines.select(name);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GeneratorException(e.getMessage(), e);
        }
    }

    private static ObjectMapper configMapper(GanFramework framework) {
        return framework.plugins().injector().getInstance(ObjectMapper.class);
    }

    /** A plugin section (type + settings) as a JSON tree, written as the config mapper writes it. */
    private static JsonNode section(ObjectMapper mapper, Object value, Class<?> kind) {
        try {
            return mapper.readTree(mapper.writerFor(kind).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + kind.getSimpleName() + " section: " + e.getMessage(), e);
        }
    }

    /** What this generator is: architecture, shapes, classes, engine, provenance (parameters empty unless exported). */
    public GeneratorManifest manifest() {
        return manifest;
    }

    /** Size of z. */
    public int latentDim() {
        return manifest.latentDim();
    }

    /** Shape of one sample, e.g. (C, H, W). */
    public long[] sampleShape() {
        return manifest.sampleShape().clone();
    }

    /** Classes of a class-conditional G (ids 0..n−1), 0 otherwise. */
    public int numClasses() {
        return manifest.numClasses();
    }

    /** Shape (C, H, W) of one image condition, or null when G takes none. */
    public long[] conditionShape() {
        return manifest.conditionShape() == null ? null : manifest.conditionShape().clone();
    }

    /** [min, max] of the trained data ([−1, 1] for images), or null for non-image data (the data's own units). */
    public float[] valueRange() {
        return manifest.valueRange() == null ? null : manifest.valueRange().clone();
    }

    /**
     * {@code n} samples of an unconditional G from noise drawn with {@code seed} (the prior it trained with;
     * the same z as {@code gan sample --seed}).
     */
    public float[][] generate(int n, long seed) {
        requireUnconditional();
        return forward(latents(n, seed), null);
    }

    /** Samples of an unconditional G for the given latent vectors (each of {@link #latentDim()} values). */
    public float[][] generate(float[][] latents) {
        requireUnconditional();
        return forward(checkLatents(latents), null);
    }

    /** One sample per class id, from noise drawn with {@code seed}. */
    public float[][] generateForClasses(int[] classes, long seed) {
        float[] ids = classIds(classes, classes.length);
        return forward(latents(classes.length, seed), m -> m.create(ids));
    }

    /** A class-conditional G's samples for the given latent vectors and class ids (one each). */
    public float[][] generate(float[][] latents, int[] classes) {
        float[] ids = classIds(classes, latents.length);
        return forward(checkLatents(latents), m -> m.create(ids));
    }

    private float[] classIds(int[] classes, int samples) {
        if (numClasses() == 0) {
            throw new ClassIdException("this generator is not class-conditional; call generate without class ids");
        }
        if (classes.length != samples) {
            throw new ClassIdException(classes.length + " class ids for " + samples
                    + " latent vectors; give one class id per latent vector");
        }
        float[] ids = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= numClasses()) {
                throw new ClassIdException("class id " + classes[i] + " (at index " + i + ") is out of range; this "
                        + "generator has " + numClasses() + " classes: ids 0.." + (numClasses() - 1));
            }
            ids[i] = classes[i];
        }
        return ids;
    }

    /**
     * An image-conditional G's outputs for the given conditions, each of {@link #conditionShape()} values in
     * [−1, 1] (C, H, W row-major), with noise drawn with {@code seed}.
     */
    public float[][] generateFromConditions(float[][] conditions, long seed) {
        long[] shape = manifest.conditionShape();
        if (shape == null) {
            throw new ConditionException("this generator takes no condition images"
                    + (numClasses() > 0 ? "; it is class-conditional: call generateForClasses" : "; call generate"));
        }
        int size = Math.toIntExact(GeneratorManifest.product(shape));
        float[] flat = new float[conditions.length * size];
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].length != size) {
                throw new ConditionException("condition " + i + " has " + conditions[i].length + " values; this "
                        + "generator takes the trained shape " + Arrays.toString(shape) + " = " + size + " values "
                        + "(other sizes are refused, even for a fully convolutional G)");
            }
            for (int j = 0; j < size; j++) {
                float v = conditions[i][j];
                if (!(v >= -1f && v <= 1f)) {
                    throw new ConditionException("condition " + i + " has value " + v + " at index " + j
                            + "; conditions take values in [-1, 1] (pixels as byte/127.5 - 1)");
                }
            }
            System.arraycopy(conditions[i], 0, flat, i * size, size);
        }
        long[] batch = new long[shape.length + 1];
        batch[0] = conditions.length;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        return forward(latents(conditions.length, seed), m -> m.create(flat, new Shape(batch)));
    }

    /**
     * A user's image as a condition: it must be exactly W×H of {@link #conditionShape()}, and the condition must
     * have 1 channel (luma 0.299R + 0.587G + 0.114B) or 3 (RGB); values become byte/127.5 − 1.
     */
    public float[] conditionFromImage(BufferedImage image) {
        long[] shape = manifest.conditionShape();
        if (shape == null) {
            throw new ConditionException("this generator takes no condition images");
        }
        int c = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        if (c != 1 && c != 3) {
            throw new ConditionException("this generator's condition has " + c + " channels (e.g. image + mask); "
                    + "build it as a float array of shape " + Arrays.toString(shape) + " instead");
        }
        if (image.getWidth() != w || image.getHeight() != h) {
            throw new ConditionException("condition image is " + image.getWidth() + "x" + image.getHeight()
                    + "; this generator takes the trained size " + w + "x" + h + " (other sizes are refused)");
        }
        float[] out = new float[c * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (c == 1) {
                    out[y * w + x] = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 127.5 - 1);
                } else {
                    out[y * w + x] = r / 127.5f - 1;
                    out[h * w + y * w + x] = g / 127.5f - 1;
                    out[2 * h * w + y * w + x] = b / 127.5f - 1;
                }
            }
        }
        return out;
    }

    /** One image sample (1 or 3 channels) as a picture: values clamped to [−1, 1], then (x + 1)·127.5. */
    public BufferedImage toImage(float[] sample) {
        long[] s = requireImages();
        int c = (int) s[0];
        int h = (int) s[1];
        int w = (int) s[2];
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = toByte(sample[y * w + x]);
                int g = c == 3 ? toByte(sample[h * w + y * w + x]) : r;
                int b = c == 3 ? toByte(sample[2 * h * w + y * w + x]) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** Image samples as one grid of {@code columns} columns (small images enlarged), as {@code gan sample} draws it. */
    public BufferedImage grid(float[][] samples, int columns) {
        long[] s = requireImages();
        int size = manifest.sampleSize();
        float[] flat = new float[samples.length * size];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(samples[i], 0, flat, i * size, size);
        }
        return ImageGrid.render(flat, samples.length, (int) s[0], (int) s[1], (int) s[2], columns, List.of());
    }

    /**
     * Writes this generator alone as an export folder ({@link GeneratorManifest}): parameters by name as
     * little-endian float32 files and {@code manifest.json}. {@code dir} must be new, empty, or (with
     * {@code overwrite}) an earlier export, of which only the export's own files are replaced.
     *
     * @return the manifest written
     * @throws ExportTargetException when {@code dir} is a file, a non-empty non-export folder, or an export
     *     and {@code overwrite} is false
     */
    public GeneratorManifest export(Path dir, boolean overwrite) {
        GeneratorManifest.Provenance p = manifest.provenance();
        GeneratorManifest.Provenance stamped = p == null ? null
                : new GeneratorManifest.Provenance(p.runDir(), p.checkpoint(), p.step(), p.seed(), p.config(),
                        p.exportedAt() != null ? p.exportedAt() : Instant.now().toString());
        GeneratorManifest m = manifest;
        return GeneratorExport.write(dir, overwrite, new GeneratorManifest(m.format(), m.formatVersion(),
                m.architecture(), m.task(), m.latentDim(), m.latentDistribution(), m.sampleShape(), m.valueRange(),
                m.numClasses(), m.conditionShape(), m.engine(), m.gan4jVersion(), stamped, m.byteOrder(), m.dtype(),
                List.of()), generator);
    }

    @Override
    public void close() {
        manager.close();
    }

    private interface ConditionInput {
        NDArray create(NDManager scope);
    }

    private float[][] forward(float[] z, ConditionInput condition) {
        int n = z.length / Math.max(1, latentDim());
        int size = manifest.sampleSize();
        float[][] out = new float[n][];
        if (n == 0) {
            return out;
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = new NDList(scope.create(z, new Shape(n, latentDim())));
            if (condition != null) {
                inputs.add(condition.create(scope));
            }
            float[] flat = generator.forward(store, inputs, false).head().toFloatArray();
            for (int i = 0; i < n; i++) {
                out[i] = Arrays.copyOfRange(flat, i * size, (i + 1) * size);
            }
        }
        return out;
    }

    private float[] latents(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, got " + n);
        }
        try (NDManager scope = manager.newSubManager()) {
            return noise.sample(scope, seed, 0, n).toFloatArray();
        }
    }

    private float[] checkLatents(float[][] latents) {
        int dim = latentDim();
        float[] flat = new float[latents.length * dim];
        for (int i = 0; i < latents.length; i++) {
            if (latents[i].length != dim) {
                throw new LatentSizeException("latent vector " + i + " has " + latents[i].length + " values; this "
                        + "generator takes " + dim + " (its latent.dim)");
            }
            System.arraycopy(latents[i], 0, flat, i * dim, dim);
        }
        return flat;
    }

    private void requireUnconditional() {
        if (numClasses() > 0) {
            throw new ClassIdException("this generator is class-conditional (" + numClasses() + " classes); call "
                    + "generateForClasses or generate(latents, classes)");
        }
        if (manifest.conditionShape() != null) {
            throw new ConditionException("this generator needs a condition image of shape "
                    + Arrays.toString(manifest.conditionShape()) + " per sample; call generateFromConditions");
        }
    }

    private long[] requireImages() {
        long[] s = manifest.sampleShape();
        if (s.length != 3 || (s[0] != 1 && s[0] != 3)) {
            throw new GeneratorException("samples of shape " + Arrays.toString(s) + " are not 1- or 3-channel images");
        }
        return s;
    }

    private static int toByte(float v) {
        float clamped = Math.max(-1f, Math.min(1f, v));
        return Math.round((clamped + 1f) * 127.5f);
    }
}
