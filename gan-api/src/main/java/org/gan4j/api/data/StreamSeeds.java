package org.gan4j.api.data;

/**
 * Derives independent seeds for numbered items of a seeded stream (batch i of a data source, the
 * noise of step i), so any item can be regenerated without replaying the ones before it.
 */
public final class StreamSeeds {
    private StreamSeeds() {}

    /** A well-mixed seed for item {@code index} of the stream {@code seed} (SplitMix64 finaliser). */
    public static long derive(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
