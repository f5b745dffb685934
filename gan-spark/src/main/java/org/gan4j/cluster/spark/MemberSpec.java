package org.gan4j.cluster.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a Spark task needs to run one member's worker process; paths are strings, read on the worker.
 *
 * @param id the member's id
 * @param base the member's base experiment file (absolute; at the same path on every worker)
 * @param overrides its {@code key=value} overrides
 * @param sharedRunDir its run directory in the shared directory, or null (train in a local temporary folder
 *     and send it back)
 * @param sharedLog its log in the shared directory, or null
 * @param threads OMP_NUM_THREADS of the process
 * @param jvmOptions JVM options of the process
 * @param pluginFolders plugin folders
 * @param classPath the process's class path (the gan4j distribution's jars)
 */
public record MemberSpec(String id, String base, List<String> overrides, String sharedRunDir, String sharedLog,
        int threads, List<String> jvmOptions, List<String> pluginFolders, String classPath) implements Serializable {
    private static final long serialVersionUID = 1L;

    public MemberSpec {
        overrides = List.copyOf(overrides);
        jvmOptions = List.copyOf(jvmOptions);
        pluginFolders = List.copyOf(pluginFolders);
    }
}
