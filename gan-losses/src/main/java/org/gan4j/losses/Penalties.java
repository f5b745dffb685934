package org.gan4j.losses;

/** Checks shared by the penalties' settings. */
final class Penalties {
    private Penalties() {}

    /** A penalty weight: finite and ≥ 0 (0 turns the term off but keeps its log column). */
    static double weight(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
