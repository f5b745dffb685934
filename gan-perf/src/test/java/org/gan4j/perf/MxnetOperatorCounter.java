package org.gan4j.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gan4j.core.train.StepPhaseObserver;

/**
 * Counts the operators MXNet's engine executes during iterations [{@code from}, {@code to}) of a training
 * run, by name, with MXNet's own profiler (imperative operators, aggregate statistics). Counting is
 * repeatable on a loaded machine, where timing is not.
 */
final class MxnetOperatorCounter implements StepPhaseObserver {
    /** The profiler entry points of libmxnet, bound to the library the engine already loaded. */
    interface Profiler extends Library {
        int MXSetProfilerConfig(int count, String[] keys, String[] values);

        int MXSetProfilerState(int state);

        int MXAggregateProfileStatsPrint(PointerByReference out, int reset);

        String MXGetLastError();
    }

    private final long from;
    private final long to;
    private final Profiler lib;
    private String stats;

    MxnetOperatorCounter(long from, long to, Path statsFile) throws IOException {
        this.from = from;
        this.to = to;
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new ai.djl.ndarray.types.Shape(1)).toFloatArray(); // loads the engine's library
        }
        this.lib = Native.load(libmxnetPath(), Profiler.class);
        check(lib.MXSetProfilerConfig(4, new String[] {"profile_imperative", "aggregate_stats", "filename",
            "profile_api"}, new String[] {"1", "1", statsFile.toString(), "0"}));
    }

    /** The libmxnet.so this process mapped (DJL loads it from its cache by path). */
    private static String libmxnetPath() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .filter(p -> p.endsWith("/libmxnet.so")).findFirst()
                .orElseThrow(() -> new IOException("libmxnet.so is not mapped in this process"));
    }

    private void check(int rc) {
        if (rc != 0) {
            throw new IllegalStateException("MXNet profiler: " + lib.MXGetLastError());
        }
    }

    @Override
    public void onIterationStart(long step) {
        if (step == from) {
            ai.djl.engine.Engine.getInstance(); // engine idle: the previous iteration's arrays were freed
            check(lib.MXSetProfilerState(1));
        }
    }

    @Override
    public void onPhaseEnd(StepPhase phase, NDArray result) {
        if (phase == StepPhase.G_UPDATE && result != null) {
            result.toFloatArray(); // nothing of this iteration is left in flight when the counting stops
        }
    }

    @Override
    public void onIterationEnd(long step) {
        if (step == to - 1) {
            check(lib.MXSetProfilerState(0));
            PointerByReference out = new PointerByReference();
            check(lib.MXAggregateProfileStatsPrint(out, 1));
            stats = out.getValue().getString(0);
        }
    }

    /** Operator executions per iteration, by operator name (the profiler's table parsed). */
    Map<String, Double> perIteration() {
        if (stats == null) {
            throw new IllegalStateException("the counted iterations did not run");
        }
        Map<String, Double> counts = new TreeMap<>();
        boolean operators = false;
        for (String line : stats.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("operator") || trimmed.startsWith("MXNET_C_API")) {
                operators = trimmed.startsWith("operator");
                continue;
            }
            String[] f = trimmed.split("\\s+");
            if (!operators || f.length < 6 || !f[1].matches("\\d+")) {
                continue;
            }
            counts.merge(f[0], Double.parseDouble(f[1]) / (to - from), Double::sum);
        }
        return counts;
    }

    String rawStats() {
        return stats;
    }
}
