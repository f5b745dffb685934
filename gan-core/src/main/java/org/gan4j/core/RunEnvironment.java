package org.gan4j.core;

/** What a run reads from the process environment (in one place, so it is easy to see and to record). */
public final class RunEnvironment {
    private RunEnvironment() {}

    /** The OpenMP thread count the engine runs with (results depend on it), or -1 when the variable is not set. */
    public static int ompThreads() {
        String value = System.getenv("OMP_NUM_THREADS");
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
