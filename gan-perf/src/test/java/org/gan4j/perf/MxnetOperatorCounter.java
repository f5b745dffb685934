package org.gan4j.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.gan4j.core.train.StepPhaseObserver;

/**
 * Counts the operators MXNet's engine executes in iterations [{@code from}, {@code to}) of a training run,
 * by phase and operator name, with MXNet's own profiler (imperative operators, aggregate statistics).
 * Counting is repeatable on a loaded machine, where timing is not. The engine is drained at every phase end
 * (a C call, not an operator), so each phase's operators are filed under it; the arrays an iteration frees
 * when its scope closes (DeleteVariable) are counted in the next iteration's first phase.
 */
final class MxnetOperatorCounter implements StepPhaseObserver {
    /** The profiler entry points of libmxnet, bound to the library the engine already loaded. */
    interface Profiler extends Library {
        int MXSetProfilerConfig(int count, String[] keys, String[] values);

        int MXSetProfilerState(int state);

        int MXAggregateProfileStatsPrint(PointerByReference out, int reset);

        int MXNDArrayWaitAll();

        String MXGetLastError();
    }

    private final long from;
    private final long to;
    private final Profiler lib;
    private final Map<StepPhase, Map<String, Double>> byPhase = new EnumMap<>(StepPhase.class);
    private boolean counting;

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
            check(lib.MXSetProfilerState(1));
            counting = true;
        }
    }

    @Override
    public void onPhaseEnd(StepPhase phase, NDArray result) {
        if (counting) {
            check(lib.MXNDArrayWaitAll());
            parse(takeStats()).forEach((op, n) -> byPhase.computeIfAbsent(phase, p -> new TreeMap<>())
                    .merge(op, n, Double::sum));
        }
    }

    @Override
    public void onIterationEnd(long step) {
        if (step == to - 1) {
            check(lib.MXSetProfilerState(0));
            counting = false;
        }
    }

    private String takeStats() {
        PointerByReference out = new PointerByReference();
        check(lib.MXAggregateProfileStatsPrint(out, 1));
        return out.getValue().getString(0);
    }

    /** Operator executions per iteration, by phase and operator name. */
    Map<StepPhase, Map<String, Double>> perPhase() {
        if (byPhase.isEmpty()) {
            throw new IllegalStateException("the counted iterations did not run");
        }
        Map<StepPhase, Map<String, Double>> result = new EnumMap<>(StepPhase.class);
        byPhase.forEach((phase, counts) -> {
            Map<String, Double> scaled = new TreeMap<>();
            counts.forEach((op, n) -> scaled.put(op, n / (to - from)));
            result.put(phase, scaled);
        });
        return result;
    }

    /** Operator executions per iteration, by operator name. */
    Map<String, Double> perIteration() {
        Map<String, Double> total = new TreeMap<>();
        perPhase().values().forEach(counts -> counts.forEach((op, n) -> total.merge(op, n, Double::sum)));
        return total;
    }

    /** The profiler's operator table as name → count. */
    private static Map<String, Double> parse(String stats) {
        Map<String, Double> counts = new TreeMap<>();
        boolean operators = false;
        for (String line : stats.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("operator") || trimmed.startsWith("MXNET_C_API") || trimmed.startsWith("Device")) {
                operators = trimmed.startsWith("operator");
                continue;
            }
            String[] f = trimmed.split("\\s+");
            if (operators && f.length >= 6 && f[1].matches("\\d+")) {
                counts.merge(f[0], Double.parseDouble(f[1]), Double::sum);
            }
        }
        return counts;
    }
}
