package org.gan4j.api.support;

/** Checks result-name prefixes: results are lower_snake_case, so a prefix is too (or empty). */
public final class ResultKeys {
    private ResultKeys() {}

    /** Returns {@code prefix} if it is empty or lower_snake_case starting with a letter; otherwise throws naming it. */
    public static String prefix(String prefix) {
        if (prefix == null || !prefix.matches("([a-z][a-z0-9_]*)?")) {
            throw new IllegalArgumentException("must be empty or lower_snake_case starting with a letter (e.g. "
                    + "'ring_'), got '" + prefix + "'");
        }
        return prefix;
    }
}
