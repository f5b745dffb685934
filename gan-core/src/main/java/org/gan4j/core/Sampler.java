package org.gan4j.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.data.StreamSeeds;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.output.Charts;
import org.gan4j.core.output.ImageGrid;
import org.gan4j.core.output.SampleOutputLimits;
import org.gan4j.core.output.SamplePlotListener;
import org.gan4j.core.output.UserImageFile;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunFacts;
import org.gan4j.core.train.ConditionalDraw;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GeneratorEma;
import org.gan4j.core.train.NoiseSampler;

/** Draws samples from a saved generator: {@code gan sample RUN_DIR --n 64 --out grid.png}. */
public final class Sampler {
    private final ConfigLoader configLoader;

    @Inject
    Sampler(ConfigLoader configLoader) {
        this.configLoader = configLoader;
    }

    /**
     * Restores G from the run's newest valid checkpoint (or {@code checkpoint} when given) and writes
     * {@code n} samples drawn with {@code seed}: an image grid for image data, a scatter for 2-D data,
     * a histogram for 1-D data.
     *
     * @return the checkpoint the generator came from
     */
    public Path sample(Path runDir, int n, long seed, Path out, Path checkpoint) {
        return sample(runDir, n, seed, UserImageFile.check(out, "--out", false), checkpoint);
    }

    /**
     * As {@link #sample(Path, int, long, Path, Path)}, into an output file already checked (format from its
     * extension, replacing only what it may replace); {@code n} is refused before any sampling when the
     * image could not hold it ({@link SampleOutputLimits}).
     */
    public Path sample(Path runDir, int n, long seed, UserImageFile out, Path checkpoint) {
        return sample(runDir, n, seed, out, checkpoint, false, null);
    }

    /**
     * As {@link #sample(Path, int, long, UserImageFile, Path)} on {@code engine} ({@code mxnet}, {@code pytorch};
     * null: the engine the run trained on; checkpoints load on either engine). A run that kept an average of
     * G's weights ({@code trainer.generator_ema}) is sampled from the average unless {@code raw} asks for the
     * trained G.
     */
    public Path sample(Path runDir, int n, long seed, UserImageFile out, Path checkpoint, boolean raw,
            String engine) {
        RunDirectory run = RunDirectory.openForReading(runDir);
        if (n <= 0) {
            throw new RunException("--n must be a positive number of samples, got " + n);
        }
        ExperimentConfig config = configLoader.load(run.file(RunDirectory.CONFIG),
                engine == null ? List.of() : List.of("engine=" + engine)).config();
        String djlEngine = GanEngines.select(config.getEngine()).djlEngineName();
        RunFacts facts = run.readFacts();
        if (config.getTask() != null) {
            return sampleConditional(run, facts, config, n, seed, out, checkpoint, raw, djlEngine);
        }
        Shape shape = new Shape(facts.sampleShape());
        checkOutputHolds(n, shape);
        // D is restored with the networks, so it is built for the packs it was trained on
        ModelSpec spec = ModelSpec.of(shape, config.getLatent().getDim()).withPacking(config.getTrainer().getPacking());
        CheckpointStore store = run.checkpoints();
        try (NDManager root = NDManager.newBaseManager(djlEngine);
                GanNetworks nets = GanNetworks.create(config.getModel(), spec, root)) {
            GeneratorEma ema = raw || config.getTrainer().getGeneratorEma() == null ? null
                    : new GeneratorEma(config.getTrainer().getGeneratorEma(), nets.generator(), nets.manager());
            store.setStatefulParts(ema == null ? List.of() : List.of(ema));
            Path from;
            if (checkpoint != null) {
                from = store.restoreNetworks(checkpoint, nets, root).file();
            } else {
                from = store.restoreLatestNetworks(nets, root).orElseThrow(() ->
                        new RunException(runDir + " has no valid checkpoint to sample from")).file();
            }
            Engine.getEngine(djlEngine).setRandomSeed((int) seed);
            NoiseSampler noise = new NoiseSampler(config.getLatent().getDim(), config.getLatent().getDistribution());
            float[] samples = ema == null ? nets.generate(noise.sample(root, seed, 0, n), false).toFloatArray()
                    : ema.withAverage(() -> nets.generate(noise.sample(root, seed, 0, n), false).toFloatArray());
            write(out, samples, n, shape, from);
            return from;
        } catch (IOException e) {
            throw new RunException("cannot sample from " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A conditional run: {@code n} held-out examples of its data (stream {@code seed}) as a grid of
     * condition | baseline | output | target rows, or for a class-conditional run one row per class
     * (n rounded up to a multiple of the class count).
     */
    private Path sampleConditional(RunDirectory run, RunFacts facts, ExperimentConfig config, int n, long seed,
            UserImageFile out, Path checkpoint, boolean raw, String djlEngine) {
        Path runDir = run.path();
        Path configDir = dataBase(run, facts);
        CheckpointStore store = run.checkpoints();
        try (NDManager root = NDManager.newBaseManager(djlEngine);
                SampleSource data = config.getData().open(new DataContext(configDir, config.getSeed()))) {
            ModelSpec spec = RunAssembler.modelSpec(config, data);
            int count = spec.numClasses() > 0 ? spec.numClasses() * ((n + spec.numClasses() - 1) / spec.numClasses()) : n;
            checkConditionalOutputHolds(n, spec.numClasses(), spec.sampleShape().getShape());
            try (GanNetworks nets = GanNetworks.create(config.getModel(), spec, root)) {
                GeneratorEma ema = raw || config.getTrainer().getGeneratorEma() == null ? null
                        : new GeneratorEma(config.getTrainer().getGeneratorEma(), nets.generator(), nets.manager());
                store.setStatefulParts(ema == null ? List.of() : List.of(ema));
                Path from = checkpoint != null ? store.restoreNetworks(checkpoint, nets, root).file()
                        : store.restoreLatestNetworks(nets, root).orElseThrow(() ->
                                new RunException(runDir + " has no valid checkpoint to sample from")).file();
                NoiseSampler noise = new NoiseSampler(config.getLatent().getDim(), config.getLatent().getDistribution());
                java.util.function.Supplier<ConditionalSamples> draw = () -> ConditionalDraw.draw(nets,
                        config.getTask(), data, noise, root, count,
                        StreamSeeds.derive(seed, 1), StreamSeeds.derive(seed, 2), StreamSeeds.derive(seed, 3));
                ConditionalSamples drawn = ema == null ? draw.get() : ema.withAverage(draw);
                out.write(SamplePlotListener.conditionalGrid(drawn, spec.sampleShape().getShape(), count));
                return from;
            }
        } catch (IOException e) {
            throw new RunException("cannot sample from " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder the run resolved its data paths against (recorded in run.json); the run directory when
     * that folder is gone, as before.
     */
    private static Path dataBase(RunDirectory run, RunFacts facts) {
        Path base = facts.dataBasePath();
        return base != null && Files.isDirectory(base) ? base : run.path();
    }

    private static void write(UserImageFile out, float[] samples, int n, Shape shape, Path from) {
        long[] s = shape.getShape();
        String title = n + " samples from " + from.getFileName();
        if (s.length == 3) {
            out.write(ImageGrid.render(samples, n, (int) s[0], (int) s[1], (int) s[2], (int) Math.ceil(Math.sqrt(n)),
                    List.of()));
        } else if (shape.size() == 2) {
            out.write(Charts.scatter2dImage(title, new float[0], samples));
        } else if (shape.size() == 1) {
            out.write(Charts.histogram1dImage(title, samples, samples, null));
        } else {
            throw new RunException("cannot draw samples of shape " + shape + "; images (C, H, W), 1-D and 2-D are drawn");
        }
    }

    /** Refuses, before any sampling, an n the output image cannot hold. */
    private static void checkOutputHolds(int n, Shape shape) {
        long[] s = shape.getShape();
        if (s.length == 3) {
            SampleOutputLimits.checkSquareGrid(n, (int) s[1], (int) s[2]);
        } else if (shape.size() <= 2) {
            SampleOutputLimits.checkPoints(n);
        }
    }

    /** Class-conditional: one row per class; image tasks: one row per example, up to four titled columns. */
    private static void checkConditionalOutputHolds(int n, int numClasses, long[] chw) {
        if (numClasses > 0) {
            SampleOutputLimits.checkGrid(n, (int) chw[1], (int) chw[2],
                    k -> new long[] {numClasses * ((k + numClasses - 1) / numClasses), Math.max(1, (k + numClasses - 1) / numClasses)},
                    false);
        } else {
            SampleOutputLimits.checkGrid(n, (int) chw[1], (int) chw[2], k -> new long[] {4 * k, 4}, true);
        }
    }
}
