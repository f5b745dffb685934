package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;

/** An evaluation's view of the run: inference-mode G and D, fixed evaluation noise, a scoped manager. */
final class TrainerEvalContext implements EvalContext {
    private final long step;
    private final NDManager manager;
    private final GanNetworks networks;
    private final NoiseSampler noise;
    private final SampleSource data;
    private final long seed;
    private final long evalNoiseSeed;
    private final long evalDataSeed;
    private final Path outputDir;
    private final Map<Integer, NDArray> generated = new HashMap<>();

    TrainerEvalContext(long step, NDManager manager, GanNetworks networks, NoiseSampler noise,
            SampleSource data, long seed, long evalNoiseSeed, long evalDataSeed, Path outputDir) {
        this.step = step;
        this.manager = manager;
        this.networks = networks;
        this.noise = noise;
        this.data = data;
        this.seed = seed;
        this.evalNoiseSeed = evalNoiseSeed;
        this.evalDataSeed = evalDataSeed;
        this.outputDir = outputDir;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray generate(int n) {
        // Metrics and plots of one evaluation share the same draw.
        return generated.computeIfAbsent(n, k -> networks.generate(noise.sample(manager, evalNoiseSeed, 0, k), false));
    }

    @Override
    public NDArray realSamples(int n) {
        return data.batch(manager, evalDataSeed, 0, n).samples();
    }

    @Override
    public NDArray discriminatorLogits(NDArray samples) {
        return networks.discriminate(samples, false);
    }

    @Override
    public SampleSource data() {
        return data;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }
}
