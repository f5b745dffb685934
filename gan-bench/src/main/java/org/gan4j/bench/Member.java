package org.gan4j.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a suite: a base experiment with its overrides, validated by the framework's config loader.
 *
 * @param id unique, file-name-safe name of the member (its run directory under {@code runs/})
 * @param base the experiment file
 * @param overrides {@code key=value} overrides, as {@code --set} takes them
 * @param labels axis key -> value label, in matrix order ({@code base} first when the suite has several)
 * @param variant the labels without the seed axis, joined; members differing only in seed share it
 * @param seedLabel the seed axis's label, or the config's seed when the matrix has no seed axis
 * @param targetSteps the step count the member trains to
 */
public record Member(String id, Path base, List<String> overrides, Map<String, String> labels, String variant,
        String seedLabel, long targetSteps) {

    public Member {
        overrides = List.copyOf(overrides);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
