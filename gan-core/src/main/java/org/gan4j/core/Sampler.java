package org.gan4j.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.core.output.Charts;
import org.gan4j.core.output.ImageGrid;
import org.gan4j.core.train.GanNetworks;
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
        if (!Files.isDirectory(runDir) || !Files.exists(runDir.resolve(ExperimentRunner.RUN_FACTS))) {
            throw new RunException(runDir + " is not a run directory (no " + ExperimentRunner.RUN_FACTS + ")");
        }
        if (n <= 0) {
            throw new RunException("--n must be a positive number of samples, got " + n);
        }
        ExperimentConfig config = configLoader.load(runDir.resolve(ExperimentRunner.RESOLVED_CONFIG), List.of()).config();
        if (config.getTask() != null) {
            throw new RunException(runDir + " is a conditional run: its generator needs conditions, so `gan sample` "
                    + "cannot draw from noise alone; its before/after grids on held-out data are the run's "
                    + "samples-stepNNNNNN.png files (the newest is samples.png)");
        }
        Shape shape = sampleShape(runDir);
        ModelSpec spec = ModelSpec.of(shape, config.getLatent().getDim());
        CheckpointStore store = new CheckpointStore(runDir);
        try (NDManager root = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(config.getModel(), spec, root);
                ParameterOptimizer g = config.getTrainer().getGeneratorOptimizer().create();
                ParameterOptimizer d = config.getTrainer().getDiscriminatorOptimizer().create()) {
            Path from;
            if (checkpoint != null) {
                from = store.restore(checkpoint, nets, g, d, root).file();
            } else {
                from = store.restoreLatest(nets, g, d, root).orElseThrow(() ->
                        new RunException(runDir + " has no valid checkpoint to sample from")).file();
            }
            Engine.getInstance().setRandomSeed((int) seed);
            NoiseSampler noise = new NoiseSampler(config.getLatent().getDim(), config.getLatent().getDistribution());
            float[] samples = nets.generate(noise.sample(root, seed, 0, n), false).toFloatArray();
            write(out, samples, n, shape, from);
            return from;
        } catch (IOException e) {
            throw new RunException("cannot sample from " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path out, float[] samples, int n, Shape shape, Path from) throws IOException {
        long[] s = shape.getShape();
        String title = n + " samples from " + from.getFileName();
        if (s.length == 3) {
            ImageGrid.write(out, samples, n, (int) s[0], (int) s[1], (int) s[2], (int) Math.ceil(Math.sqrt(n)));
        } else if (shape.size() == 2) {
            Charts.scatter2d(out, title, new float[0], samples);
        } else if (shape.size() == 1) {
            Charts.histogram1d(out, title, samples, samples, null);
        } else {
            throw new RunException("cannot draw samples of shape " + shape + "; images (C, H, W), 1-D and 2-D are drawn");
        }
    }

    private static Shape sampleShape(Path runDir) {
        try {
            JsonNode facts = new ObjectMapper().readTree(runDir.resolve(ExperimentRunner.RUN_FACTS).toFile());
            long[] dims = new long[facts.get("sample_shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = facts.get("sample_shape").get(i).asLong();
            }
            return new Shape(dims);
        } catch (IOException | NullPointerException e) {
            throw new RunException("cannot read " + runDir.resolve(ExperimentRunner.RUN_FACTS) + ": " + e.getMessage());
        }
    }
}
