package org.gan4j.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine can do: float32 matrix-multiply throughput on the engine, and this process's peak RSS. */
public final class MachineProbe {
    private MachineProbe() {}

    /** GFLOP/s of an n×n by n×n float32 matmul (2n³ FLOPs), best of {@code reps} timed runs after warm-up. */
    public static double matmulGflops(int n, int reps) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < reps + 3; i++) {
                try (NDManager scope = m.newSubManager()) {
                    a.tempAttach(scope);
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.getFloat(0, 0); // waits for the engine
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (i >= 3) {
                        best = Math.min(best, seconds);
                    }
                }
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }

    /**
     * Microseconds one tiny engine operator costs from Java, including freeing its result: the median
     * over 5 rounds of 5,000 element-wise additions of one-element arrays, the engine drained per round.
     * A model of small layers pays this per operator on top of its arithmetic.
     */
    public static double operatorOverheadMicros() {
        double[] rounds = new double[5];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(1));
            NDArray y = manager.ones(new Shape(1));
            for (int r = -1; r < rounds.length; r++) { // round -1 warms up
                long t0 = System.nanoTime();
                for (int i = 0; i < 5000; i++) {
                    try (NDArray z = x.add(y)) {
                        // created and freed: what every intermediate of a training step goes through
                    }
                }
                x.toFloatArray();
                if (r >= 0) {
                    rounds[r] = (System.nanoTime() - t0) / 1e3 / 5000;
                }
            }
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /** Peak resident set size of this process in MiB (VmHWM), or -1 when /proc is not there. */
    public static double peakRssMib() {
        return statusMib("VmHWM:");
    }

    /** Current resident set size of this process in MiB (VmRSS), or -1 when /proc is not there. */
    public static double rssMib() {
        return statusMib("VmRSS:");
    }

    /** Java heap the JVM has committed, in MiB. */
    public static double committedHeapMib() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
    }

    private static double statusMib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
