package org.gan4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.core.GanFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.core.run.CsvTable;

/**
 * A conditional member (super-resolution on the embedded photos) logs a reconstruction term, g_recon, that
 * no unconditional run writes: it reaches results.csv both as a compared metric and as a logged column.
 */
class ConditionalMemberTest {
    static final String BASE = """
            seed: 3
            data: {type: photos, crop_size: 16, max_side: 96, holdout: 0.2}
            task: {type: super-resolution, factor: 2, downscale: bicubic, reconstruction: l1, reconstruction_weight: 100}
            model: {type: pix2pix, depth: 2, filters: 8, d_layers: 2, dropout: 0.0, residual: true}
            loss: {type: least-squares}
            trainer: {steps: 8, batch_size: 8, log_every: 4}
            eval: {every: 0, samples: 16}
            output: {plots: false}
            """;
    static final String SUITE = """
            name: conditional
            base: sr.yaml
            metrics:
              g_recon: min
            """;

    @TempDir
    Path dir;

    @Test
    void aConditionalMembersReconstructionTermReachesResultsCsv() throws IOException {
        Files.writeString(dir.resolve("sr.yaml"), BASE);
        Path suite = dir.resolve("conditional.yaml");
        Files.writeString(suite, SUITE);
        Path out = dir.resolve("out");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Bench.Outcome outcome = new Bench(GanFramework.discover()).run(suite, List.of(), out, 1, 1,
                BenchRunner.javaWorker(List.of("-Xmx256m"), List.of()), "gan bench conditional.yaml",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, outcome.failed(), log.toString(StandardCharsets.UTF_8));

        Path run = out.resolve("runs/default");
        JsonNode summary = MemberResult.JSON.readTree(run.resolve("summary.json").toFile());
        double lastRecon = summary.path("last_step").path("g_recon").asDouble(Double.NaN);
        assertTrue(Double.isFinite(lastRecon) && lastRecon > 0, "the run logs its reconstruction term: " + summary);
        CsvTable metrics = CsvTable.read(run.resolve("metrics.csv"));
        double[] logged = metrics.column("g_recon");
        double[] steps = metrics.column("step");
        assertEquals(List.of(4.0, 8.0), List.of(steps[0], steps[1]));
        double bestLogged = Math.min(logged[0], logged[1]);

        Map<String, String> row = BenchEndToEndTest.csvRow(out.resolve("results.csv"), "member", "default");
        assertEquals(lastRecon, Double.parseDouble(row.get("final_g_recon")), 0, "final value: summary.json");
        assertEquals(bestLogged, Double.parseDouble(row.get("best_g_recon")), 0, "best over metrics.csv");
        assertEquals(logged[0] <= logged[1] ? "4" : "8", row.get("best_g_recon_step"));
        assertEquals(logged[1], Double.parseDouble(row.get("last_g_recon")), 0, "every logged column is carried");
        assertEquals(metrics.rows().get(1).get("d_loss"), row.get("last_d_loss"));
        Map<String, String> variant = BenchEndToEndTest.csvRow(out.resolve("summary.csv"), "variant", "all");
        assertEquals(lastRecon, Double.parseDouble(variant.get("g_recon_mean")), 0);
    }
}
