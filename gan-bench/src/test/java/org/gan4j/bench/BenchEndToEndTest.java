package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.core.run.CsvTable;

/**
 * A tiny suite through real worker processes: a member that fails is reported and the others finish;
 * the summary equals what the members' own summary.json files say; a rerun skips complete members and
 * runs only the missing ones; report.html is self-contained.
 */
class BenchEndToEndTest {
    static final String BASE = """
            seed: 1
            data: {type: ring, modes: 8, radius: 1.0, std: 0.05}
            latent: {dim: 2}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 60, batch_size: 32, log_every: 20}
            eval:
              every: 30
              samples: 200
              metrics: [{type: mixture-quality, samples: 500, plot: false, per_mode_counts: false}]
            """;
    static final String SUITE = """
            name: tiny
            base: base.yaml
            matrix:
              data:
                ring: {type: ring, modes: 8, radius: 1.0, std: 0.05}
                broken: {type: image-folder, path: no-such-folder}
              seed: [1, 2, 3]
            metrics:
              modes_captured: max
              mode_reverse_kl: min
              d_loss: min
            """;

    @TempDir
    Path dir;

    private Bench.Outcome bench(Path suite, Path out, ByteArrayOutputStream log) {
        Bench bench = new Bench(GanFramework.discover());
        return bench.run(suite, List.of(), out, 2, 1, BenchRunner.javaWorker(List.of("-Xmx256m"), List.of()),
                "gan bench tiny.yaml", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void failuresAreIsolatedSummariesMatchTheRunsAndRerunsSkipCompleteMembers() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Path suite = dir.resolve("tiny.yaml");
        Files.writeString(suite, SUITE);
        Path out = dir.resolve("out");

        ByteArrayOutputStream log1 = new ByteArrayOutputStream();
        Bench.Outcome first = bench(suite, out, log1);
        assertEquals(6, first.results().size());
        assertEquals(3, first.failed(), log1.toString());
        for (MemberResult r : first.results()) {
            if (r.member().labels().get("data").equals("ring")) {
                assertEquals(MemberResult.Status.COMPLETE, r.status(), r.error());
                assertEquals(60, r.steps());
            } else {
                assertEquals(MemberResult.Status.FAILED, r.status());
                assertTrue(r.error().contains("no-such-folder"), r.error());
            }
        }

        // The summary is the members' own summary.json numbers, aggregated.
        List<Double> modes = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            JsonNode s = MemberResult.JSON.readTree(out.resolve("runs/data=ring__seed=" + seed + "/summary.json").toFile());
            modes.add(s.path("metrics").path("modes_captured").asDouble());
            losses.add(s.path("last_step").path("d_loss").asDouble());
        }
        Aggregation.Stat expectedModes = Aggregation.stat(modes.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, String> ring = csvRow(out.resolve("summary.csv"), "variant", "data=ring");
        assertEquals(expectedModes.mean(), Double.parseDouble(ring.get("modes_captured_mean")), 0);
        assertEquals(expectedModes.standardError(), Double.parseDouble(ring.get("modes_captured_se")), 0);
        assertEquals(losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                Double.parseDouble(ring.get("d_loss_mean")), 1e-12);
        assertEquals("3", ring.get("complete"));
        Map<String, String> broken = csvRow(out.resolve("summary.csv"), "variant", "data=broken");
        assertEquals("0", broken.get("complete"));
        Map<String, String> run2 = csvRow(out.resolve("results.csv"), "member", "data=ring__seed=2");
        assertEquals(modes.get(1), Double.parseDouble(run2.get("final_modes_captured")), 0);
        assertEquals("complete", run2.get("status"));
        assertEquals("60", run2.get("steps"));
        assertFalse(run2.get("best_modes_captured_step").isEmpty());
        assertEquals("failed", csvRow(out.resolve("results.csv"), "member", "data=broken__seed=1").get("status"));

        // Self-contained HTML: no scripts, no external references, every image inline.
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script"));
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
            images++;
        }
        assertTrue(images >= 3 + 3 + 3, "bar charts, curves and samples: " + images);
        assertFalse(html.contains("href=\"http"));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| V1 | data=ring | 3/3 |"), md);
        assertTrue(md.contains("data=broken__seed=1`: failed"), md);
        assertTrue(md.contains("## Executor\n\nlocal processes (2 at a time, OMP_NUM_THREADS=1 each)"), md);
        assertTrue(md.contains("| data=ring__seed=2 | localhost | 1 |"), md);
        assertTrue(html.contains("<h2>Executor</h2>"));
        assertTrue(Files.readString(out.resolve(BenchRunner.EXECUTIONS)).lines().anyMatch(
                l -> l.startsWith("data=ring__seed=1,\"local processes") && l.contains(",1,0,")));

        // Rerun: complete members are skipped untouched, only the missing ones run again.
        Path done = out.resolve("runs/data=ring__seed=1/summary.json");
        FileTime before = Files.getLastModifiedTime(done);
        Files.delete(out.resolve("runs/data=ring__seed=3/summary.json"));
        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        Bench.Outcome second = bench(suite, out, log2);
        assertTrue(log2.toString().contains("6 members, 2 already complete, 4 to run"), log2.toString());
        assertEquals(before, Files.getLastModifiedTime(done));
        Map<String, MemberResult.Status> status = new HashMap<>();
        second.results().forEach(r -> status.put(r.member().id(), r.status()));
        assertEquals(MemberResult.Status.SKIPPED, status.get("data=ring__seed=1"));
        assertEquals(MemberResult.Status.SKIPPED, status.get("data=ring__seed=2"));
        assertEquals(MemberResult.Status.COMPLETE, status.get("data=ring__seed=3"));
        assertEquals(MemberResult.Status.FAILED, status.get("data=broken__seed=2"));
        assertEquals(3, second.failed());
        JsonNode rerun = MemberResult.JSON.readTree(out.resolve("runs/data=ring__seed=3/summary.json").toFile());
        assertEquals(modes.get(2), rerun.path("metrics").path("modes_captured").asDouble(), 0,
                "same seed and threads: the rerun member reproduces its numbers");
    }

    @Test
    void completenessNeedsTheTargetStep() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        assertFalse(MemberResult.isComplete(run, 100));
        Files.writeString(run.resolve("summary.json"), "{\"steps\": 60}");
        assertFalse(MemberResult.isComplete(run, 100), "stopped before its target");
        assertTrue(MemberResult.isComplete(run, 60));
        Files.writeString(run.resolve("summary.json"), "{\"steps\": 6");
        assertFalse(MemberResult.isComplete(run, 60), "a torn file is not complete");
        assertEquals(1, BenchRunner.threadsPerWorker(2, 2));
        assertEquals(4, BenchRunner.threadsPerWorker(8, 2));
        assertEquals(1, BenchRunner.threadsPerWorker(2, 5));
    }

    /** The row of a CSV whose {@code keyColumn} is {@code key}, cells by column name. */
    static Map<String, String> csvRow(Path csv, String keyColumn, String key) throws IOException {
        CsvTable table = CsvTable.read(csv);
        Map<String, String> row = table.rowWhere(keyColumn, key);
        if (row == null) {
            throw new AssertionError("no row " + key + " in " + csv + ":\n" + Files.readString(csv));
        }
        return row;
    }
}
