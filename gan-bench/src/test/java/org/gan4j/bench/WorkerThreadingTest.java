package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The threading environment bench workers start with. */
class WorkerThreadingTest {

    @Test
    void workersGetTheirThreadsAndSleepingOpenMpThreads() {
        Map<String, String> env = new HashMap<>(Map.of("OMP_NUM_THREADS", "8"));
        BenchRunner.workerThreading(env, 1);
        assertEquals("1", env.get("OMP_NUM_THREADS"), "the bench's share replaces the caller's count");
        assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY"));
    }

    @Test
    void aWaitPolicyTheUserSetIsKept() {
        Map<String, String> env = new HashMap<>(Map.of("OMP_WAIT_POLICY", "ACTIVE"));
        BenchRunner.workerThreading(env, 2);
        assertEquals("2", env.get("OMP_NUM_THREADS"));
        assertEquals("ACTIVE", env.get("OMP_WAIT_POLICY"));
    }
}
