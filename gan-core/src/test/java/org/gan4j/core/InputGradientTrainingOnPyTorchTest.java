package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with an R1-style penalty trains on PyTorch: the trainer answers ∇ₓD and logs the term, deterministically. */
class InputGradientTrainingOnPyTorchTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }

    @Test
    void aPenaltyOnTheInputGradientTrainsAndIsLogged() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EngineChoiceTest.WITH_R1);
        Experiments.run(file, dir.resolve("a"));
        Experiments.run(file, dir.resolve("b"));
        CsvTable log = CsvTable.read(dir.resolve("a/metrics.csv"));
        List<String> penalty = log.column("reg_input_gradient_norm");
        assertEquals(2, penalty.size());
        for (String v : penalty) {
            double value = Double.parseDouble(v);
            assertTrue(Double.isFinite(value) && value > 0, "penalty " + v);
        }
        assertEquals(log.without("sec_per_step"), CsvTable.read(dir.resolve("b/metrics.csv")).without("sec_per_step"));
    }
}
