package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report refuses to put side by side numbers measured with another extractor or another n, and says why. */
class MeasurementsTest {
    @TempDir
    Path out;

    private final List<Suite.MetricSpec> metrics = List.of(new Suite.MetricSpec("fd", false),
            new Suite.MetricSpec("d_fake", true));

    /** Variants a and b, two seeds each; fd's facts per variant (extractor id, n_real). */
    private List<MemberResult> results(String extractorB, int nRealB) throws IOException {
        List<MemberResult> results = new ArrayList<>();
        int k = 0;
        for (String v : List.of("a", "b")) {
            for (String seed : List.of("1", "2")) {
                k++;
                Member m = new Member("v=" + v + "__seed=" + seed, Path.of("base.yaml"), List.of(),
                        Map.of("v", v, "seed", seed), "v=" + v, seed, 100);
                Path run = Files.createDirectories(out.resolve("runs").resolve(m.id()));
                String id = v.equals("a") ? "aaaaaaaaaaaa" : extractorB;
                int nReal = v.equals("a") ? 2000 : nRealB;
                Files.writeString(run.resolve("evaluation.json"), "{\"step\": 100, \"results\": {\"fd\": " + k
                        + "}, \"measured\": {\"classifier-fd\": {\"extractor_id\": \"" + id + "\", \"n_real\": "
                        + nReal + ", \"n_fake\": 2000, \"generator\": \"raw\", \"results\": [\"fd\", \"kid\"]}}}");
                Map<String, Double> finals = new LinkedHashMap<>();
                finals.put("fd", (double) k);
                finals.put("d_fake", 0.1 * k);
                results.add(new MemberResult(m, run, MemberResult.Status.COMPLETE, 100, 1.0, 1.0, finals, finals,
                        Map.of(), Map.of(), Map.of(), ""));
            }
        }
        return results;
    }

    private Suite suite() {
        return new Suite(out.resolve("suite.yaml"), "s", "", List.of(Path.of("base.yaml")), List.of(), List.of(),
                metrics, "seed");
    }

    @Test
    void numbersFromAnotherExtractorAreNotComparedAndTheReportSaysWhy() throws IOException {
        ReportWriter writer = new ReportWriter(out, suite(), results("bbbbbbbbbbbb", 2000));
        ReportModel model = writer.model("gan bench s.yaml", 1.0);
        assertEquals(1, model.refusals().size(), model.refusals().toString());
        String why = model.refusals().get(0);
        assertTrue(why.startsWith("fd is not compared: the members measured it differently"), why);
        assertTrue(why.contains("extractor_id=aaaaaaaaaaaa") && why.contains("extractor_id=bbbbbbbbbbbb"), why);
        assertTrue(why.contains("v=a__seed=1, v=a__seed=2"), why);
        for (ReportModel.SummaryRow row : model.summary()) {
            assertEquals(ReportModel.NOT_COMPARABLE, row.finals().get(0));
            assertFalse(row.finals().get(1).contains("not comparable"), "d_fake has no facts: compared as before");
        }
        assertEquals(List.of("d_fake"), model.bars().stream().map(b -> b.metric().name()).toList());
        writer.write("gan bench s.yaml", 1.0);
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Not compared\n\n- " + why));
        assertTrue(Files.readString(out.resolve("report.html")).contains("Not compared"));
    }

    @Test
    void anotherSampleCountIsRefusedToo() throws IOException {
        String why = Measurements.refusal("fd", results("aaaaaaaaaaaa", 500));
        assertTrue(why != null && why.contains("n_real=500") && why.contains("n_real=2000"), why);
    }

    @Test
    void likeMeasurementsAreCompared() throws IOException {
        List<MemberResult> alike = results("aaaaaaaaaaaa", 2000);
        assertNull(Measurements.refusal("fd", alike));
        assertEquals(Map.of("extractor_id", "aaaaaaaaaaaa", "n_real", "2000", "n_fake", "2000", "generator", "raw"),
                Measurements.of(alike.get(0).runDir(), "kid"));
        assertEquals(Map.of(), Measurements.of(alike.get(0).runDir(), "precision"), "a result the facts do not list");
    }
}
