package org.gan4j.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds a {@link MemberExecutor} that runs members on a cluster ({@code gan bench --master}). Implemented by
 * a cluster module (gan-spark) and found with {@link java.util.ServiceLoader}, so the CLI never names it and
 * pays for its classes only when {@code --master} is given.
 */
public interface ClusterExecutorProvider {
    /**
     * What a cluster executor needs.
     *
     * @param master the cluster's URL as the user gave it (e.g. {@code spark://host:7077}, {@code local[2,3]})
     * @param sharedDir a directory every worker mounts at this path, where members train (and resume); or null:
     *     a finished member's run directory is sent back to the driver
     * @param threads OMP_NUM_THREADS of each member's process
     * @param workerJvmOptions JVM options of each member's process
     * @param pluginFolders plugin folders, at the same path on every worker
     * @param workerClassPath the class path of a member's process: the gan4j distribution's jars, at the same
     *     path on every worker
     */
    record Options(String master, Path sharedDir, int threads, List<String> workerJvmOptions,
            List<Path> pluginFolders, String workerClassPath) {
        public Options {
            workerJvmOptions = List.copyOf(workerJvmOptions);
            pluginFolders = List.copyOf(pluginFolders);
        }
    }

    /** Checks the options (one clear line on bad input) and builds the executor. */
    MemberExecutor create(Options options);
}
