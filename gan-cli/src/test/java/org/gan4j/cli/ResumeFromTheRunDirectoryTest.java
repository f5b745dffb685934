package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.core.run.RunDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gan train --resume RUN} without a config: relative data paths resolve as in the original run
 * (against the folder of the config it was started from, not the run folder), and a run that lost its
 * {@code config.yaml} continues from the config inside its newest checkpoint.
 */
class ResumeFromTheRunDirectoryTest {
    /** Four 8×8 images in a folder next to the config, named by a relative path. */
    static final String EXPERIMENT = """
            seed: 4
            data: {type: image-folder, path: faces, size: 8, channels: 1}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 10, batch_size: 4, log_every: 5}
            eval: {samples: 4}
            output: {plots: false}
            """;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    /** Trains the experiment from {@code dir/project/exp.yaml} into {@code dir/runs/r}. */
    private Path trainedRun() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/faces"));
        for (int i = 0; i < 4; i++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(i, i, 0, 200);
            ImageIO.write(image, "png", project.resolve("face" + i + ".png").toFile());
        }
        Path config = dir.resolve("project/exp.yaml");
        Files.writeString(config, EXPERIMENT);
        Path run = dir.resolve("runs/r");
        assertEquals(0, GanCli.run("train", config.toString(), "--out", run.toString()), err.toString());
        return run;
    }

    @Test
    void relativeDataResolvesAgainstTheOriginalConfigsFolder() throws Exception {
        Path run = trainedRun();
        assertEquals(0, GanCli.run("train", "--resume", run.toString(), "--set", "trainer.more_steps=5"), err.toString());
        RunDirectory r = RunDirectory.openForReading(run);
        assertEquals(15, r.readSummary().steps());
        assertEquals(dir.resolve("project").toAbsolutePath().toString(), r.readFacts().dataBase(),
                "the resumed run still records the original base");
    }

    @Test
    void aRunWithoutItsConfigYamlResumesFromTheConfigInItsCheckpoint() throws Exception {
        Path run = trainedRun();
        Files.delete(run.resolve("config.yaml"));
        assertEquals(0, GanCli.run("train", "--resume", run.toString(), "--set", "trainer.more_steps=5"), err.toString());
        assertTrue(err.toString().contains(run.resolve("config.yaml") + " was missing; restored it from the config "
                + "embedded in " + run.resolve("checkpoints/step-00000010.ckpt")), err.toString());
        assertEquals(15, RunDirectory.openForReading(run).readSummary().steps());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("path: \"faces\"")
                || Files.readString(run.resolve("config.yaml")).contains("path: faces"));
        assertFalse(Files.exists(dir.resolve("runs/r/faces")));
    }
}
