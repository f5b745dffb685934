package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gan4j.api.testing.ImageChecks;

/** The command line end to end: exit codes, messages without stack traces, outputs of a run. */
class GanCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static final String SMALL = """
            seed: 2
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [32, 32]}
            loss: {type: non-saturating}
            trainer: {steps: 200, batch_size: 64, log_every: 100}
            eval: {samples: 500}
            """;

    @Test
    void trainWritesTheRunDirectory() throws Exception {
        Path run = dir.resolve("run");
        int code = GanCli.run("train", config(SMALL).toString(), "--out", run.toString(), "--set", "trainer.steps=100");
        assertEquals(0, code, err.toString());
        ImageChecks.assertPicture(run.resolve("samples.png"), 640, 640); // 2-D: real vs generated scatter
        ImageChecks.assertPicture(run.resolve("losses.png"), 800, 500);
        assertEquals(2, Files.readAllLines(run.resolve("metrics.csv")).size(), "the header and the row of step 100");
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("steps: 100"));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"steps\" : 100"));
        // A second run into the same directory is refused unless --overwrite.
        assertEquals(1, GanCli.run("train", config(SMALL).toString(), "--out", run.toString()));
        assertTrue(err.toString().contains("already holds a run; pass --overwrite"), err.toString());
        assertEquals(0, GanCli.run("train", config(SMALL).toString(), "--out", run.toString(), "--overwrite",
                "--set", "trainer.steps=10"));
    }

    @Test
    void configErrorsExitWithTwoAndNoStackTrace() throws Exception {
        Path file = config(SMALL.replace("type: non-saturating", "type: wgan"));
        assertEquals(2, GanCli.run("validate", file.toString()));
        String message = err.toString();
        assertTrue(message.startsWith("gan: " + file + ":4:"), message);
        assertTrue(message.contains("unknown type 'wgan'; registered: [") && message.contains("non-saturating"), message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void validatePrintsTheResolvedConfig() throws Exception {
        assertEquals(0, GanCli.run("validate", config(SMALL).toString(), "--resolved"));
        assertTrue(out.toString().contains("discriminator_steps: 1"), out.toString());
    }

    /** A config without optimizer sections gets the declared default; one key set merges into it. */
    @Test
    void resolvedConfigShowsTheFilledInDefaultOptimizer() throws Exception {
        assertEquals(0, GanCli.run("validate", config(SMALL).toString(), "--resolved",
                "--set", "trainer.generator_optimizer.lr=0.0003"));
        String yaml = out.toString();
        int g = yaml.indexOf("generator_optimizer:");
        int d = yaml.indexOf("discriminator_optimizer:");
        assertTrue(g >= 0 && d >= 0, yaml);
        String generator = yaml.substring(g, d > g ? d : yaml.length());
        assertTrue(generator.matches("(?s).*type: \"?adam\"?.*") && generator.contains("lr: 3.0E-4")
                && generator.contains("beta1: 0.5"), generator);
    }

    /** A run's config.yaml is the resolved config; resume and `gan sample` load it again, so it must load. */
    @Test
    void everyExamplesResolvedConfigLoadsAgain() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        List<Path> files;
        try (var walk = Files.walk(examples)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("plugin-example"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 8, files.toString());
        for (Path file : files) {
            out.reset();
            assertEquals(0, GanCli.run("validate", file.toString(), "--resolved"), file + ": " + err);
            Path resolved = dir.resolve(file.getFileName());
            Files.writeString(resolved, out.toString());
            assertEquals(0, GanCli.run("validate", resolved.toString()), file + " resolved: " + err);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, GanCli.run("train"));
        assertEquals(2, GanCli.run("fly"));
        assertEquals(0, GanCli.run("--help"));
    }

    @Test
    void outputDirectoryThatIsAFileIsARuntimeError() throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        assertEquals(1, GanCli.run("train", config(SMALL).toString(), "--out", file.toString()));
        assertTrue(err.toString().contains("is a file"), err.toString());
    }

    @Test
    void theQuickstartEndsWithItsModeCoverageAndWhereThePicturesAre() throws Exception {
        Path run = dir.resolve("ring8");
        Path quickstart = Path.of("..", "examples", "ring8.yaml");
        assertEquals(0, GanCli.run("train", quickstart.toString(), "--out", run.toString(),
                "--set", "trainer.steps=200", "--set", "eval.every=0", "--set", "eval.samples=500"), err.toString());
        List<String> lines = out.toString().lines().toList();
        String result = lines.stream().filter(l -> l.startsWith("result: ")).findFirst().orElse("(none)");
        assertTrue(result.matches("result: modes_captured [0-8], high_quality_fraction [0-9.e+-]+, mode_reverse_kl "
                + "([0-9.e+-]+|n/a)"), "one result line of the mixture metric: " + out);
        assertTrue(lines.contains("pictures in " + run + ": samples.png, discriminator.png, losses.png, "
                + "mixture-modes.png"), out.toString());
        ImageChecks.assertPicture(run.resolve("mixture-modes.png"), 640, 640);
    }

    @Test
    void resumeFromTheRunsOwnConfigAndSampleFromIt() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, GanCli.run("train", config(SMALL).toString(), "--out", run.toString(), "--set", "trainer.steps=50"));
        assertEquals(0, GanCli.run("train", "--resume", run.toString(), "--set", "trainer.more_steps=30"));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"steps\" : 80"));
        Path png = dir.resolve("grid.png");
        assertEquals(0, GanCli.run("sample", run.toString(), "--n", "200", "--out", png.toString()));
        ImageChecks.assertPicture(png, 640, 640);
        assertEquals(1, GanCli.run("sample", dir.toString(), "--out", png.toString()));
        assertTrue(err.toString().contains("is not a run directory"), err.toString());
        assertEquals(2, GanCli.run("train", "--resume", run.toString(), "--out", dir.toString()));
    }

    @Test
    void pluginsListsVariantsWithKeys() {
        assertEquals(0, GanCli.run("plugins"));
        String text = out.toString();
        assertTrue(text.contains("minimax") && text.contains("ring") && text.contains("mlp"), text);
        assertTrue(text.contains("batch") || text.contains("radius"), text);
        assertTrue(text.matches("(?s).*trainer: \\(the core section's keys\\).*\\n {6}packing +int += 1 .*"), text);
    }
}
