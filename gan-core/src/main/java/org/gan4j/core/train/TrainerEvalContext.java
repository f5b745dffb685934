package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;

/**
 * An evaluation's view of the run: inference-mode G and D, fixed evaluation noise (and, for a
 * conditional run, fixed held-out conditions), a scoped manager.
 */
final class TrainerEvalContext implements EvalContext {
    private final long step;
    private final NDManager manager;
    private final GanNetworks networks;
    private final NoiseSampler noise;
    private final SampleSource data;
    private final Conditioning conditioning;
    private final long seed;
    private final StreamSeedsForRun seeds;
    private final Path outputDir;
    private final Map<Integer, NDArray> generated = new HashMap<>();
    private final Map<Integer, ConditionalSamples> conditional = new HashMap<>();
    private final Map<String, Map<String, Object>> reported = new LinkedHashMap<>();

    TrainerEvalContext(long step, NDManager manager, GanNetworks networks, NoiseSampler noise, SampleSource data,
            Conditioning conditioning, long seed, StreamSeedsForRun seeds, Path outputDir) {
        this.step = step;
        this.manager = manager;
        this.networks = networks;
        this.noise = noise;
        this.data = data;
        this.conditioning = conditioning;
        this.seed = seed;
        this.seeds = seeds;
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
        if (conditioning.conditional()) {
            return conditionalSamples(n).orElseThrow().output();
        }
        // Metrics and plots of one evaluation share the same draw.
        return generated.computeIfAbsent(n, k -> networks.generate(noise.sample(manager, seeds.evalNoise(), 0, k), false));
    }

    @Override
    public NDArray realSamples(int n) {
        return data.batch(manager, seeds.evalData(), 0, n).samples();
    }

    @Override
    public NDArray discriminatorLogits(NDArray samples) {
        if (conditioning.conditional()) {
            throw new IllegalStateException("this metric reads D's logits without a condition, which a conditional "
                    + "run's discriminator needs; use a metric that works on conditional runs");
        }
        if (networks.spec().packing() > 1) { // a metric that did not declare judgesSingleSamples()
            throw new IllegalStateException("this metric reads D's logits of single samples, but D judges packs of "
                    + networks.spec().packing() + " (trainer.packing); set trainer.packing: 1 or remove the metric");
        }
        return networks.discriminate(samples, false);
    }

    @Override
    public Optional<ConditionalSamples> conditionalSamples(int n) {
        if (!conditioning.conditional()) {
            return Optional.empty();
        }
        return Optional.of(conditional.computeIfAbsent(n, this::drawConditional));
    }

    /** G's answers for n held-out conditions, the same conditions and noise at every evaluation. */
    private ConditionalSamples drawConditional(int n) {
        return ConditionalDraw.draw(networks, conditioning.task(), data, noise, manager, n, seeds.evalData(),
                seeds.evalPairs(), seeds.evalNoise());
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

    @Override
    public void report(String metric, Map<String, Object> facts) {
        reported.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
    }

    @Override
    public Map<String, Map<String, Object>> reported() {
        return Collections.unmodifiableMap(reported);
    }
}
