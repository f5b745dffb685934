package org.gan4j.api.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Range checks for config setters. Each throws {@link IllegalArgumentException} whose message
 * says what is accepted; the config loader adds the file, line and key.
 */
public final class ConfigChecks {
    private ConfigChecks() {}

    public static int positive(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be a positive integer, got " + value);
        }
        return value;
    }

    public static long positive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be a positive integer, got " + value);
        }
        return value;
    }

    public static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must be 0 or more, got " + value);
        }
        return value;
    }

    public static long nonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("must be 0 or more, got " + value);
        }
        return value;
    }

    public static double positive(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("must be a finite number > 0, got " + value);
        }
        return value;
    }

    public static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("must be a finite number, got " + value);
        }
        return value;
    }

    /** Checks {@code low <= value <= high}, or {@code low <= value < high} when {@code openHigh}. */
    public static double inRange(double value, double low, double high, boolean openHigh) {
        boolean ok = value >= low && (openHigh ? value < high : value <= high);
        if (!ok) {
            throw new IllegalArgumentException(
                    "must be in [" + low + ", " + high + (openHigh ? ")" : "]") + ", got " + value);
        }
        return value;
    }

    public static List<Integer> positiveSizes(List<Integer> sizes, boolean allowEmpty) {
        if (sizes == null || (!allowEmpty && sizes.isEmpty())) {
            throw new IllegalArgumentException("must be a non-empty list of positive integers");
        }
        for (Integer s : sizes) {
            if (s == null || s <= 0) {
                throw new IllegalArgumentException(
                        "must be a list of positive integers, got " + sizes);
            }
        }
        return List.copyOf(sizes);
    }

    public static String oneOf(String value, Collection<String> accepted) {
        if (value == null || !accepted.contains(value)) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not accepted; expected one of " + accepted);
        }
        return value;
    }

    /**
     * The constant of {@code values} spelled {@code name} in YAML: the one refusal every enum-valued key gives (its
     * {@code @JsonCreator} delegates here), naming the accepted spellings in declaration order.
     */
    public static <E extends Enum<E>> E oneOf(String name, E[] values, Function<E, String> yamlName) {
        for (E value : values) {
            if (yamlName.apply(value).equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not accepted; expected one of "
                + Arrays.stream(values).map(yamlName).toList());
    }
}
