package org.gan4j.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLP shape's iteration is bound by per-operator overhead (README, performance): the number of engine
 * operators one iteration of the real trainer executes is what its speed rests on. Counted, not timed.
 */
class OperatorCountTest {

    @Test
    void mlpIterationOperatorsAreCounted(@TempDir Path dir) throws Exception {
        MxnetOperatorCounter counter = new MxnetOperatorCounter(5, 25, dir.resolve("profile.json"));
        new PerfBenchmark(GanFramework.discover(), dir).observe(PerfBenchmark.StandardShape.MLP, counter, 30);
        Map<String, Double> perIteration = counter.perIteration();
        double total = perIteration.values().stream().mapToDouble(Double::doubleValue).sum();
        counter.perPhase().forEach((phase, ops) -> System.out.printf("  %-20s %6.1f  %s%n", phase,
                ops.values().stream().mapToDouble(Double::doubleValue).sum(), ops));
        perIteration.forEach((op, n) -> System.out.printf("  %-40s %6.1f%n", op, n));
        System.out.printf("MLP: %.1f engine operators per iteration%n", total);
        // 3 dense layers in each of G's pass, D's passes on real, fake and G(z) (12); their backwards in D's
        // two passes of the D-step and D's and G's pass of the G-step (12); one fused Adam update per weight
        assertEquals(12.0, perIteration.get("FullyConnected"), 0.5, perIteration.toString());
        assertEquals(12.0, perIteration.get("_backward_FullyConnected"), 0.5, perIteration.toString());
        assertEquals(12.0, perIteration.get("adam_update"), 0.5, perIteration.toString());
        // 2-D samples need no reshape into and out of the dense layers (it was 6 operators an iteration)
        assertFalse(perIteration.containsKey("_np_reshape"), perIteration.toString());
        assertFalse(perIteration.containsKey("_backward_reshape"), perIteration.toString());
        // 164 before the reshapes went (2026-11-30), 79 of them DeleteVariable (the freeing of one array); 152 after
        assertTrue(total < 160, total + " operators: " + perIteration);
        assertEquals(PhaseProfile.PHASES.length, counter.perPhase().size(), "every phase runs operators");
    }
}
