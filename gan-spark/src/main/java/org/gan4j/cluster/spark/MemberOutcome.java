package org.gan4j.cluster.spark;

import java.io.Serializable;

/**
 * What a Spark task sends back: the worker's exit code (0 done, 2 config error), where and in which attempt
 * it ran, and without a shared directory the zipped run directory and log ({@link RunArchive}).
 */
public record MemberOutcome(String id, int exitCode, String where, int attempt, byte[] archive)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
