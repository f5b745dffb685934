package org.gan4j.core.train;

import org.gan4j.api.data.StreamSeeds;

/** The independent random streams of one run, all derived from the experiment's seed. */
record StreamSeedsForRun(long data, long discriminatorNoise, long generatorNoise, long evalNoise, long evalData,
        long pairs, long evalPairs) {
    static StreamSeedsForRun of(long seed) {
        return new StreamSeedsForRun(
                StreamSeeds.derive(seed, 1),
                StreamSeeds.derive(seed, 2),
                StreamSeeds.derive(seed, 3),
                StreamSeeds.derive(seed, 4),
                StreamSeeds.derive(seed, 5),
                StreamSeeds.derive(seed, 6),
                StreamSeeds.derive(seed, 7));
    }
}
