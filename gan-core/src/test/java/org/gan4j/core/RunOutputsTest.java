package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.core.run.EvaluationRecord;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.run.RunFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a real run leaves in its folder: the marker, typed records, and charts only when plots are on. */
class RunOutputsTest {
    static final String EXPERIMENT = """
            seed: 3
            data: {type: ring}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 20, batch_size: 16, log_every: 10}
            eval: {every: 10, samples: 50, metrics: [{type: sample-moments, samples: 200}]}
            checkpoint: {every: 10}
            output: {plots: PLOTS}
            """;

    @TempDir
    Path dir;

    private static List<String> pngs(Path run) throws Exception {
        try (Stream<Path> files = Files.list(run)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void plotsOffWritesNoChartAndTheRecordsAreTyped() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT.replace("PLOTS", "false"));
        Path run = dir.resolve("run");
        Experiments.run(file, run);
        assertEquals(List.of(), pngs(run), "output.plots: false");

        RunDirectory r = RunDirectory.openForReading(run);
        assertEquals(RunDirectory.FORMAT_VERSION, r.formatVersion());
        RunFacts facts = r.readFacts();
        assertEquals(file.toAbsolutePath().toString(), facts.config());
        assertEquals(dir.toAbsolutePath().toString(), facts.dataBase());
        assertEquals(3L, facts.seed());
        assertEquals(0, facts.numClasses());
        EvaluationRecord last = r.readEvaluation();
        assertEquals(20, last.step());
        assertEquals(List.of("gen_mean", "gen_std"), List.copyOf(last.results().keySet()));
        assertEquals(200, last.measured().get("sample-moments").get("samples"), "the metric's report reaches the file");
        assertEquals(20, r.readSummary().steps());
    }

    @Test
    void plotsOnWritesTheChartsAndRecordsNoCoreFileAsAnOutput() throws Exception {
        Path file = Experiments.write(dir, "exp.yaml", EXPERIMENT.replace("PLOTS", "true"));
        Path run = dir.resolve("run");
        Experiments.run(file, run);
        List<String> pngs = pngs(run);
        assertTrue(pngs.containsAll(List.of("discriminator.png", "losses.png", "samples.png")), pngs.toString());
        assertEquals(List.of(), RunDirectory.openForReading(run).readMarker().outputs(), "all are the contract's");
        assertFalse(Files.exists(run.resolve("quality.json")));
    }
}
