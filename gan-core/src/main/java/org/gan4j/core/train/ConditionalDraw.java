package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.SampleSource;

/**
 * G's answers for held-out conditions, with the task's baseline and preview: what evaluations,
 * grids and {@code gan sample} show for a conditional run.
 */
public final class ConditionalDraw {
    private ConditionalDraw() {}

    /**
     * Draws {@code n} held-out examples (batch 0 of the held-out stream {@code dataSeed}), their pairs
     * (seeded by {@code pairSeed}) and G's inference-mode answers from noise stream {@code noiseSeed}.
     */
    public static ConditionalSamples draw(GanNetworks networks, ConditionalTask task, SampleSource data,
            NoiseSampler noise, NDManager manager, int n, long dataSeed, long pairSeed, long noiseSeed) {
        Conditioning conditioning = new Conditioning(task);
        Batch clean = data.heldOut().batch(manager, dataSeed, 0, n);
        ConditionalPair pair = conditioning.evaluationPair(manager, clean, pairSeed);
        NDArray z = noise.sample(manager, noiseSeed, 0, n);
        NDArray output = conditioning.compose(pair, networks.generate(z, pair.condition(), false));
        return new ConditionalSamples(pair, output, conditioning.baseline(pair).orElse(null),
                conditioning.preview(pair).orElse(null), networks.spec().numClasses());
    }
}
