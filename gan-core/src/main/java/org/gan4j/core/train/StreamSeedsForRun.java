package org.gan4j.core.train;

import java.nio.charset.StandardCharsets;
import org.gan4j.api.data.StreamSeeds;

/**
 * The independent random streams of one run, all derived from the experiment's seed. Each stream is a
 * seed from which item {@code i} (batch i, the noise of step i) is derived with {@link StreamSeeds#derive},
 * so any item can be regenerated without replaying the ones before it. The values are part of the
 * reproducibility contract: changing one changes every run's metrics.csv.
 *
 * @param seed the experiment's seed everything below comes from
 * @param data real minibatches of the D-steps (item: the D-step's index, step · k + i)
 * @param discriminatorNoise z of the D-steps (item: the D-step's index)
 * @param generatorNoise z of a G-step that draws fresh noise (item: the generator step)
 * @param evalNoise z of evaluations (item 0: every evaluation sees the same z)
 * @param evalData real samples of evaluations (item 0)
 * @param pairs a conditional task's randomness (masks, crops) for the D-steps' pairs (item: D-step index)
 * @param evalPairs a conditional task's randomness for evaluation pairs
 * @param generatorStepData real minibatches a G-step draws for itself: the condition of a conditional run's
 *     fresh draw, or the real samples an unconditional G-step loss asks for (item: step · max(1, k) + k,
 *     past the D-steps' batches). Historically {@code data ^ 0x5DEECE66D}; kept bit-identical.
 * @param generatorStepPairs the conditional task's randomness of those G-step batches (historically
 *     {@code pairs ^ 0x5DEECE66D})
 * @param regularizers the root of the regularizers' streams, see {@link #regularizer}
 */
public record StreamSeedsForRun(long seed, long data, long discriminatorNoise, long generatorNoise, long evalNoise,
        long evalData, long pairs, long evalPairs, long generatorStepData, long generatorStepPairs,
        long regularizers) {

    /** The constant the G-step streams were split off with before they were named (java.util.Random's multiplier). */
    private static final long GENERATOR_STEP_SALT = 0x5DEECE66DL;

    /** Every stream of a run with seed {@code seed}. */
    public static StreamSeedsForRun of(long seed) {
        long data = StreamSeeds.derive(seed, 1);
        long pairs = StreamSeeds.derive(seed, 6);
        return new StreamSeedsForRun(
                seed,
                data,
                StreamSeeds.derive(seed, 2),
                StreamSeeds.derive(seed, 3),
                StreamSeeds.derive(seed, 4),
                StreamSeeds.derive(seed, 5),
                pairs,
                StreamSeeds.derive(seed, 7),
                data ^ GENERATOR_STEP_SALT,
                pairs ^ GENERATOR_STEP_SALT,
                StreamSeeds.derive(seed, 8));
    }

    /**
     * The seed of regularizer {@code name}'s draws at {@code step}: one stream per (seed, name, step), so a
     * regularizer's randomness neither shifts another stream nor depends on which steps ran before.
     */
    public long regularizer(String name, long step) {
        long byName = regularizers;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            byName = StreamSeeds.derive(byName, b & 0xFF);
        }
        return StreamSeeds.derive(byName, step);
    }
}
