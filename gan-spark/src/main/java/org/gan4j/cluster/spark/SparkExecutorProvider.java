package org.gan4j.cluster.spark;

import org.gan4j.bench.ClusterExecutorProvider;
import org.gan4j.bench.MemberExecutor;

/** {@code gan bench --master}: found by the CLI with ServiceLoader when gan-spark is on the class path. */
public final class SparkExecutorProvider implements ClusterExecutorProvider {
    /** Seconds to wait for a standalone master to accept a connection before giving up. */
    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    @Override
    public MemberExecutor create(Options options) {
        MasterUrl.parse(options.master());
        if (options.sharedDir() != null) {
            SparkMemberExecutor.checkShared(options.sharedDir());
        }
        MasterUrl.checkReachable(options.master(), CONNECT_TIMEOUT_MILLIS);
        return new SparkMemberExecutor(options);
    }
}
