package org.gan4j.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;
import org.gan4j.core.RunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's contract without training: what is a run, what --overwrite removes, the typed files. */
class RunDirectoryTest {
    @TempDir
    Path dir;

    private Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    /** A started run with every kind of file a run writes, and a plot a metric drew (recorded as an output). */
    private RunDirectory startedRun(Path run, Path config) throws IOException {
        RunDirectory r = RunDirectory.prepare(run, config, false);
        r.writeConfig("seed: 1\n");
        r.writeFacts(new RunFacts(config.toAbsolutePath().toString(), config.toAbsolutePath().getParent().toString(),
                new long[] {2}, 4, 0, null, 1L, 1, "MXNet"));
        r.markStarted();
        for (String name : List.of("metrics.csv", "eval.csv", "summary.json", "losses.png", "samples.png",
                "samples-step000010.png", "checkpoints/step-00000010.ckpt", "mixture-modes.png")) {
            touch(run.resolve(name));
        }
        r.recordOutputs();
        return r;
    }

    @Test
    void overwriteRemovesOnlyWhatARunWroteAndKeepsTheUsersFiles() throws Exception {
        Path config = touch(dir.resolve("exp.yaml"));
        Path run = dir.resolve("run");
        startedRun(run, config);
        assertEquals(List.of("mixture-modes.png"), RunDirectory.openForResume(run).readMarker().outputs());
        touch(run.resolve("notes.txt"));
        touch(run.resolve("sub/x.txt"));
        RunException refused = assertThrows(RunException.class, () -> RunDirectory.prepare(run, config, false));
        assertTrue(refused.getMessage().contains("already holds a run; pass --overwrite"), refused.getMessage());

        RunDirectory.prepare(run, config, true);
        try (var left = Files.list(run)) {
            assertEquals(List.of("notes.txt", "sub"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("x", Files.readString(run.resolve("sub/x.txt")));
    }

    @Test
    void outputsExistingBeforeTheRunStartedAreNotRecorded() throws Exception {
        Path config = touch(dir.resolve("exp.yaml"));
        Path run = dir.resolve("run");
        startedRun(run, config);
        touch(run.resolve("notes.txt")); // the user's, added after the run
        RunDirectory resumed = RunDirectory.openForResume(run);
        touch(run.resolve("divergence.png"));
        resumed.recordOutputs();
        assertEquals(List.of("divergence.png", "mixture-modes.png"), resumed.readMarker().outputs());
    }

    @Test
    void aNonEmptyFolderThatIsNotARunIsRefusedWithOrWithoutOverwrite() throws Exception {
        Path config = touch(dir.resolve("exp.yaml"));
        Path folder = dir.resolve("mine");
        touch(folder.resolve("notes.txt"));
        for (boolean overwrite : new boolean[] {false, true}) {
            RunException e = assertThrows(RunException.class, () -> RunDirectory.prepare(folder, config, overwrite));
            assertEquals("output directory " + folder + " is not empty and is not a gan4j run (no gan4j-run.json); "
                    + "choose an empty or new folder with --out (--overwrite replaces only a run)", e.getMessage());
        }
        assertTrue(Files.exists(folder.resolve("notes.txt")));
        assertFalse(Files.exists(folder.resolve(RunDirectory.MARKER)));
    }

    @Test
    void theConfigBeingRunSurvivesInsideTheRunFolder() throws Exception {
        Path run = dir.resolve("run");
        Path config = touch(run.resolve("exp.yaml"));
        RunDirectory.prepare(run, config, false); // a folder holding only its config is fine
        startedRun(run, config);
        RunDirectory.prepare(run, config, true);
        assertEquals("x", Files.readString(config));
        assertFalse(Files.exists(run.resolve(RunDirectory.CONFIG)));
        assertFalse(Files.exists(run.resolve(RunDirectory.CHECKPOINTS)));
    }

    @Test
    void aConfigWhereTheRunWritesItsResolvedConfigIsRefused() throws Exception {
        Path run = dir.resolve("run");
        Path config = touch(run.resolve("config.yaml"));
        RunException e = assertThrows(RunException.class, () -> RunDirectory.prepare(run, config, true));
        assertTrue(e.getMessage().contains("sits where the run writes its resolved config.yaml"), e.getMessage());
        assertEquals("x", Files.readString(config));
    }

    @Test
    void aRunWrittenBeforeTheMarkerIsARunOfFormatZero() throws Exception {
        Path run = dir.resolve("old");
        touch(run.resolve("config.yaml"));
        Files.writeString(run.resolve("run.json"), "{\"config\": \"/somewhere/exp.yaml\", \"sample_shape\": [1, 8, 8], "
                + "\"latent_dim\": 16}\n");
        RunDirectory old = RunDirectory.openForReading(run);
        assertEquals(RunDirectory.LEGACY_FORMAT, old.formatVersion());
        RunFacts facts = old.readFacts();
        assertArrayEquals(new long[] {1, 8, 8}, facts.sampleShape());
        assertEquals(Path.of("/somewhere"), facts.dataBasePath(), "the config's folder when no base is recorded");
        RunException notARun = assertThrows(RunException.class, () -> RunDirectory.openForResume(touch(
                dir.resolve("plain/a.txt")).getParent()));
        assertTrue(notARun.getMessage().contains("it is not a run directory (no gan4j-run.json"), notARun.getMessage());
    }

    @Test
    void runFactsAreCheckedBeforeUse() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"sample_shape\": [0, 2], \"latent_dim\": 4}");
        touch(run.resolve("config.yaml"));
        RunException e = assertThrows(RunException.class, () -> RunDirectory.openForReading(run).readFacts());
        assertEquals("cannot read " + run.resolve("run.json") + ": sample_shape [0, 2] must hold positive sizes",
                e.getMessage());
        Files.writeString(run.resolve("run.json"), "{\"latent_dim\": 4}");
        e = assertThrows(RunException.class, () -> RunDirectory.openForReading(run).readFacts());
        assertTrue(e.getMessage().endsWith("sample_shape is missing"), e.getMessage());
    }

    @Test
    void resumeFromTheRunsOwnConfigResolvesDataAgainstTheOriginalConfigsFolder() throws Exception {
        Path config = touch(dir.resolve("project/exp.yaml"));
        Path run = dir.resolve("runs/r");
        startedRun(run, config);
        RunDirectory resumed = RunDirectory.openForResume(run);
        ConfigOrigin own = resumed.originOf(run.resolve("config.yaml"));
        assertEquals(dir.resolve("project").toAbsolutePath(), own.dataBase());
        assertEquals(config.toAbsolutePath(), own.config());
        assertTrue(own.why().contains("recorded in " + run.resolve("run.json")), own.why());
        Path other = touch(dir.resolve("elsewhere/exp.yaml"));
        assertEquals(dir.resolve("elsewhere").toAbsolutePath(), resumed.originOf(other).dataBase());
    }

    /** summary.json keeps the keys and layout of the hand-built version it replaced. */
    @Test
    void summaryKeepsItsKeys() throws Exception {
        Path run = dir.resolve("run");
        RunDirectory r = RunDirectory.prepare(run, touch(dir.resolve("exp.yaml")), false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("modes_captured", 8.0);
        r.writeSummary(RunSummaryFile.of("exp.yaml", 3, 2,
                new RunSummary(40, 1.5, new StepStats(40, 1.25, 0.5, 0.5, 0.25, 2.0, 0.01), metrics)));
        assertEquals("""
                {
                  "config" : "exp.yaml",
                  "seed" : 3,
                  "threads" : 2,
                  "steps" : 40,
                  "wall_seconds" : 1.5,
                  "last_step" : {
                    "d_loss" : 1.25,
                    "g_loss" : 0.5,
                    "d_real" : 0.5,
                    "d_fake" : 0.25,
                    "g_grad_norm" : 2.0,
                    "sec_per_step" : 0.01
                  },
                  "metrics" : {
                    "modes_captured" : 8.0
                  }
                }
                """, Files.readString(run.resolve("summary.json")));
        assertEquals(8.0, r.readSummary().metrics().get("modes_captured"));
        r.writeSummary(RunSummaryFile.of("exp.yaml", 3, 2, new RunSummary(40, 1.5,
                new StepStats(40, 1, 1, 1, 1, 1, 0.01, 0.75), Map.of())));
        assertEquals(0.75, r.readSummary().lastStep().gRecon(), "g_recon when the run has the term");
    }

    @Test
    void metricsCsvHeaderAndRowsAreTodaysThenThePluginsAndAreReadByName() throws Exception {
        assertEquals("step,d_loss,g_loss,d_real,d_fake,g_grad_norm,g_recon,sec_per_step",
                String.join(",", MetricsCsv.header(List.of())));
        assertEquals(List.of("step", "d_loss", "g_loss", "d_real", "d_fake", "g_grad_norm", "g_recon", "sec_per_step",
                "lecam"), MetricsCsv.header(List.of("lecam")));
        StepStats s = new StepStats(10, 1, 2, 0.5, 0.25, 3, 0.125, Double.NaN, Map.of("lecam", 0.0625));
        assertEquals(List.of(10L, 1.0, 2.0, 0.5, 0.25, 3.0, Double.NaN, 0.125, 0.0625),
                MetricsCsv.row(s, List.of("lecam")));
        assertThrows(IllegalStateException.class, () -> MetricsCsv.header(List.of("d_loss")));

        Path csv = dir.resolve("metrics.csv");
        Files.writeString(csv, "step,d_loss,g_loss,d_real,d_fake,g_grad_norm,sec_per_step\n10,1,2,0.5,0.25,3,0.125\n"
                + "20,,2.5,0.5,0.25,3,0.25\n");
        CsvTable old = CsvTable.read(csv); // a log written before g_recon existed
        assertArrayEquals(new double[] {0.125, 0.25}, old.column("sec_per_step"));
        assertTrue(Double.isNaN(old.column("d_loss")[1]));
        assertTrue(old.numbers("g_recon").isEmpty());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> old.column("lecam"));
        assertTrue(missing.getMessage().contains("has no column 'lecam'"), missing.getMessage());
    }
}
