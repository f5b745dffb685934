package org.gan4j.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs a bench's unfinished members somewhere and leaves each one's run directory and log where the bench
 * expects them ({@link Task#runDir()}, {@link Task#logFile()}), so the bench directory ends the same whichever
 * executor ran it. {@link LocalProcessExecutor} runs them as processes on this machine; a cluster module
 * (gan-spark) runs them on a cluster.
 */
public interface MemberExecutor {
    /**
     * One member to run.
     *
     * @param member the member (validated)
     * @param runDir where its run directory must end up
     * @param logFile where its worker's output must end up
     */
    record Task(Member member, Path runDir, Path logFile) {}

    /**
     * How one member's execution ended.
     *
     * @param exitCode the worker's last exit code (0 done, 2 config error, 130/143 interrupted, -1 not started)
     * @param seconds wall time from submission to the end, all attempts included
     * @param where the host (and executor) that ran its last attempt
     * @param attempts how many times it was started
     * @param error why it did not finish, or null (then the log's last line is used)
     */
    record Execution(int exitCode, double seconds, String where, int attempts, String error) {}

    /** The name of this executor in the log and the report, e.g. {@code local processes (2 at a time)}. */
    String description();

    /**
     * Runs every task and reports each as it ends (from any thread). Returns when all have ended; an
     * interrupt stops the running ones (they checkpoint) and returns early.
     */
    void execute(List<Task> tasks, BiConsumer<Task, Execution> done) throws InterruptedException;
}
