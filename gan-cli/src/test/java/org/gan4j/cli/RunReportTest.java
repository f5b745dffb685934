package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @Test
    void everyFinalMetricOnOneCompactLineInTheRunsOrder() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("modes_captured", 8.0);
        m.put("high_quality_fraction", 0.93214);
        m.put("mode_reverse_kl", Double.NaN);
        m.put("fd", 1234.5678);
        assertEquals("result: modes_captured 8, high_quality_fraction 0.932, mode_reverse_kl n/a, fd 1.23e+03",
                RunReport.resultLine(m));
        assertEquals("result: no metrics (add some under eval.metrics)", RunReport.resultLine(Map.of()));
    }

    @Test
    void picturesAreTheLatestOfEachSamplesFirst(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"losses.png", "mixture-modes.png", "mixture-modes-step001000.png",
            "samples.png", "metrics.csv"}) {
            Files.writeString(dir.resolve(name), "");
        }
        assertEquals(Optional.of("pictures in " + dir + ": samples.png, losses.png, mixture-modes.png"),
                RunReport.picturesLine(dir));
        assertEquals(Optional.empty(), RunReport.picturesLine(dir.resolve("missing")));
    }
}
