package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mean and standard error on known numbers; grouping by variant; the best seed; NaN and failed members. */
class AggregationTest {

    @Test
    void meanAndStandardErrorOfKnownNumbers() {
        Aggregation.Stat s = Aggregation.stat(1, 2, 3, 4);
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 0);
        // sample sd = sqrt(5/3); se = sd / sqrt(4)
        assertEquals(Math.sqrt(5.0 / 3.0) / 2, s.standardError(), 1e-15);

        Aggregation.Stat t = Aggregation.stat(8, 8, 7, Double.NaN, 5);
        assertEquals(4, t.n(), "NaN (no value) is left out");
        assertEquals(7.0, t.mean(), 0);
        assertEquals(Math.sqrt(6.0 / 3.0) / 2, t.standardError(), 1e-15);

        Aggregation.Stat one = Aggregation.stat(3);
        assertEquals(1, one.n());
        assertTrue(Double.isNaN(one.standardError()));
        assertEquals(0, Aggregation.stat().n());
        assertTrue(Double.isNaN(Aggregation.stat(Double.NaN).mean()));
        assertEquals(0.0, Aggregation.stat(2, 2, 2).standardError(), 0);
    }

    private static MemberResult result(String variant, String seed, MemberResult.Status status, double modes,
            double kl) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("data", variant);
        labels.put("seed", seed);
        Member m = new Member("data=" + variant + "__seed=" + seed, Path.of("base.yaml"), List.of(), labels,
                "data=" + variant, seed, 100);
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("modes_captured", modes);
        finals.put("mode_reverse_kl", kl);
        return new MemberResult(m, Path.of("runs", m.id()), status, 100, 1.0, 2.0, finals, finals, Map.of(), Map.of(),
                Map.of(), "");
    }

    @Test
    void summarisesEachVariantOverItsCompletedSeedsAndPicksTheBestSeed() {
        List<Suite.MetricSpec> metrics = List.of(new Suite.MetricSpec("modes_captured", true),
                new Suite.MetricSpec("mode_reverse_kl", false));
        List<MemberResult> results = List.of(
                result("ring", "1", MemberResult.Status.COMPLETE, 8, 0.1),
                result("ring", "2", MemberResult.Status.SKIPPED, 6, 0.4),
                result("ring", "3", MemberResult.Status.COMPLETE, 7, Double.NaN),
                result("grid", "1", MemberResult.Status.COMPLETE, 20, 0.3),
                result("grid", "2", MemberResult.Status.FAILED, 25, 0.0),
                result("grid", "3", MemberResult.Status.COMPLETE, 24, 0.2));
        List<Aggregation.VariantSummary> v = Aggregation.summarise(results, metrics, "seed");
        assertEquals(2, v.size());
        Aggregation.VariantSummary ring = v.get(0);
        assertEquals("data=ring", ring.variant());
        assertEquals(Map.of("data", "ring"), ring.labels());
        assertEquals(3, ring.complete());
        assertEquals(7.0, ring.finals().get("modes_captured").mean(), 0);
        assertEquals(Math.sqrt(1.0) / Math.sqrt(3), ring.finals().get("modes_captured").standardError(), 1e-15);
        assertEquals(2, ring.finals().get("mode_reverse_kl").n());
        assertEquals(0.25, ring.finals().get("mode_reverse_kl").mean(), 1e-15);
        assertEquals("1", ring.bestSeed());
        assertEquals(8.0, ring.bestSeedValue(), 0);

        Aggregation.VariantSummary grid = v.get(1);
        assertEquals(2, grid.complete(), "the failed seed is not averaged");
        assertEquals(22.0, grid.finals().get("modes_captured").mean(), 0);
        assertEquals(2.0, grid.finals().get("modes_captured").standardError(), 1e-15);
        assertEquals("3", grid.bestSeed());

        List<Aggregation.VariantSummary> byKl = Aggregation.summarise(results, List.of(metrics.get(1)), "seed");
        assertEquals("1", byKl.get(0).bestSeed(), "min is better for reverse KL; NaN never wins");
        assertEquals("3", byKl.get(1).bestSeed());
    }

    @Test
    void formatsMeanPlusMinusStandardError() {
        assertEquals("2.500 ± 0.645 (n=4)", ReportModel.format(Aggregation.stat(1, 2, 3, 4)));
        assertEquals("3 (n=1)", ReportModel.format(Aggregation.stat(3)));
        assertEquals("—", ReportModel.format(Aggregation.stat()));
    }
}
