package org.gan4j.core.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.RunException;
import org.gan4j.core.config.CheckpointConfig;
import org.gan4j.core.output.IoReasons;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.StepHook;
import org.gan4j.core.train.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checkpoints on schedule, at the last step, and when a tracked metric reaches a new best. A write
 * that fails (a full disk, no permission) stops the run with a {@link RunException} naming the file and the
 * reason; the last good checkpoint stays as it was.
 */
public final class Checkpointer implements StepHook {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private final CheckpointStore store;
    private final CheckpointConfig config;
    private final String configYaml;
    private final GanNetworks nets;
    private final ParameterOptimizer generatorOptimizer;
    private final ParameterOptimizer discriminatorOptimizer;
    private Double best;
    private Path lastWritten;
    /** The newest checkpoint known to be good: the last one written, or the one the run resumed from. */
    private Path lastGood;

    public Checkpointer(CheckpointStore store, CheckpointConfig config, String configYaml, GanNetworks nets,
            ParameterOptimizer generatorOptimizer, ParameterOptimizer discriminatorOptimizer) {
        this.store = store;
        this.config = config;
        this.configYaml = configYaml;
        this.nets = nets;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
    }

    /**
     * Continues from a restored checkpoint: its best value of {@code checkpoint.best_metric} is the one to beat,
     * as in an uninterrupted run. A null {@code restored} (a new run) changes nothing.
     */
    public void continueFrom(CheckpointStore.Restored restored) {
        if (restored != null) {
            best = restored.best().isPresent() ? restored.best().getAsDouble() : null;
            lastGood = restored.file();
        }
    }

    @Override
    public void afterStep(long step, Map<String, Double> evaluation, boolean last) {
        boolean scheduled = config.getEvery() > 0 && step % config.getEvery() == 0;
        boolean newBest = isNewBest(evaluation);
        if (!scheduled && !last && !newBest) {
            return;
        }
        requireFinite(step);
        Path target = store.fileFor(step);
        try {
            OptionalDouble bestSoFar = best == null ? OptionalDouble.empty() : OptionalDouble.of(best);
            lastWritten = store.save(new TrainerState(step, configYaml, bestSoFar), nets, generatorOptimizer,
                    discriminatorOptimizer);
            lastGood = lastWritten;
            if (newBest) {
                target = store.directory().resolve("best.ckpt");
                store.markBest(lastWritten);
                LOG.info("new best {} = {} at step {}", config.getBestMetric(), best, step);
            }
        } catch (IOException e) {
            throw new RunException("cannot write checkpoint " + target + ": " + IoReasons.of(e) + "; "
                    + (lastGood == null ? "no earlier checkpoint was written"
                            : "the last good checkpoint, " + lastGood + ", is kept"), e);
        }
        try {
            store.prune(config.getKeepLast());
        } catch (IOException e) {
            throw new RunException("cannot delete old checkpoints in " + store.directory() + " (checkpoint.keep_last): "
                    + IoReasons.of(e) + "; the newest, " + lastWritten + ", is written", e);
        }
    }

    /** A checkpoint of NaN weights would replace a good one: refuse it, naming the network. */
    private void requireFinite(long step) {
        for (var net : new Object[][] {{"generator", nets.generator()}, {"discriminator", nets.discriminator()}}) {
            for (var pair : ((ai.djl.nn.Block) net[1]).getParameters()) {
                ai.djl.ndarray.NDArray w = pair.getValue().getArray();
                boolean finite;
                try (ai.djl.ndarray.NDArray sum = w.sum()) { // NaN and ±inf propagate through a sum
                    finite = Float.isFinite(sum.getFloat());
                }
                if (!finite) {
                    throw new TrainingDivergedException(step, "the " + net[0] + "'s parameter '" + pair.getKey()
                            + "' is not finite");
                }
            }
        }
    }

    private boolean isNewBest(Map<String, Double> evaluation) {
        String metric = config.getBestMetric();
        if (evaluation == null || metric == null || metric.isEmpty()) {
            return false;
        }
        Double value = evaluation.get(metric);
        if (value == null) {
            throw new IllegalStateException("checkpoint.best_metric '" + metric + "' is not among the evaluated "
                    + "metrics " + evaluation.keySet());
        }
        if (!Double.isFinite(value) || (best != null && !config.getBestMode().better(value, best))) {
            return false;
        }
        best = value;
        return true;
    }

    /** The newest checkpoint this process wrote, or null. */
    public Path lastWritten() {
        return lastWritten;
    }
}
