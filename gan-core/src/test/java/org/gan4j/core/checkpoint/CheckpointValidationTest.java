package org.gan4j.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunException;
import org.gan4j.core.RunOptions;
import org.gan4j.core.config.CheckpointConfig;
import org.gan4j.core.config.ExperimentConfig;
import org.gan4j.api.support.AtomicFiles;
import org.gan4j.core.output.IoReasons;
import org.gan4j.core.train.GanNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing read from a checkpoint is trusted: tampered fields (with the checksum recomputed) are refused with
 * the reason, a resume falls back past them, pruning keeps the fallback, plugin parts get their own sections,
 * version-1 files still load, and a failed write names the file and the cause.
 */
class CheckpointValidationTest {
    static final GanFramework FRAMEWORK = GanFramework.discover();
    static final String EXPERIMENT = """
            seed: 9
            data: {type: ring, radius: 2.0, std: 0.05}
            model: {type: mlp, hidden: [16, 16]}
            loss: {type: non-saturating}
            trainer: {steps: 40, batch_size: 32, log_every: 10}
            checkpoint: {every: 10, keep_last: 5}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    private Path experiment() throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), EXPERIMENT);
    }

    private Path trained() throws IOException {
        Path run = dir.resolve("run");
        FRAMEWORK.runner().run(FRAMEWORK.configLoader().load(experiment(), List.of()), RunOptions.into(run));
        return run;
    }

    private ExperimentRunner.Result resume(Path run, String... overrides) throws IOException {
        return FRAMEWORK.runner().run(FRAMEWORK.configLoader().load(experiment(), List.of(overrides)),
                RunOptions.resume(run));
    }

    private static Path step(Path run, long step) {
        return run.resolve("checkpoints").resolve(String.format("step-%08d.ckpt", step));
    }

    /** G, D and both optimizers of the experiment, freshly initialised, to restore into. */
    private final class Model implements AutoCloseable {
        final NDManager root = NDManager.newBaseManager();
        final GanNetworks nets;
        final ParameterOptimizer g;
        final ParameterOptimizer d;

        Model(int seed) throws IOException {
            ExperimentConfig config = FRAMEWORK.configLoader().load(experiment(), List.of()).config();
            Engine.getInstance().setRandomSeed(seed);
            nets = GanNetworks.create(config.getModel(), ModelSpec.of(new Shape(2), config.getLatent().getDim()), root);
            g = config.getTrainer().getGeneratorOptimizer().create();
            d = config.getTrainer().getDiscriminatorOptimizer().create();
        }

        float[] generatorWeights() {
            Pair<String, Parameter> first = nets.generator().getParameters().get(0);
            return first.getValue().getArray().toFloatArray();
        }

        @Override
        public void close() {
            g.close();
            d.close();
            nets.close();
            root.close();
        }
    }

    private static String refusal(Path file) {
        return assertThrows(InvalidCheckpointException.class, () -> CheckpointStore.configOf(file)).getMessage();
    }

    @Test
    void fieldsThatFailTheirChecksAreRefusedWithTheReason() throws Exception {
        Path good = step(trained(), 40);
        assertTrue(CheckpointStore.configOf(good).contains("seed: 9"));
        Path file = Files.createDirectories(dir.resolve("t")).resolve("step-00000040.ckpt");

        CheckpointBytes.of(good).putLong("trainer", 0, -5).writeTo(file);
        assertEquals(file + " is invalid: its trainer state says step -5; a step is 0 or more", refusal(file));

        CheckpointBytes.of(good).putLong("trainer", 0, 30).writeTo(file);
        assertTrue(refusal(file).endsWith("says step 30 but its name says step 40"), refusal(file));

        CheckpointBytes.of(good).putInt("trainer", 8, Integer.MAX_VALUE).writeTo(file); // the config's length
        assertTrue(refusal(file).contains("the resolved config claims 2147483647 bytes but "), refusal(file));

        Files.write(file, CheckpointBytes.of(good).bytes("networks.generator", 3_000_000_000L));
        assertTrue(refusal(file).contains("section 'networks.generator' claims 3000000000 bytes but "), refusal(file));

        CheckpointBytes newer = CheckpointBytes.of(good);
        newer.version = 3;
        newer.writeTo(file);
        assertEquals(file + " is invalid: it has checkpoint format version 3; this build reads versions 1 and 2 "
                + "(was it written by a newer gan4j?)", refusal(file));

        byte[] flipped = Files.readAllBytes(good);
        flipped[flipped.length / 2] ^= 1;
        Files.write(file, flipped);
        assertEquals(file + " is corrupt (checksum mismatch or truncated)", refusal(file));
    }

    @Test
    void resumeSkipsANegativeStepAndPruningKeepsTheFallbackAndTheInvalidFile() throws Exception {
        Path run = trained();
        CheckpointBytes.of(step(run, 40)).putLong("trainer", 0, -5).writeTo(step(run, 40));
        ExperimentRunner.Result r = resume(run, "trainer.steps=50", "checkpoint.every=15", "checkpoint.keep_last=1");
        assertEquals(50, r.summary().step());
        List<String> steps = Files.readAllLines(run.resolve("metrics.csv")).stream().map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("step", "10", "20", "30", "40", "50"), steps, "resumed from 30, not from -5");
        List<String> names;
        try (var files = Files.list(run.resolve("checkpoints"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // keep_last 1 keeps step 50; 30 is the fallback; the invalid 40 stays where it was; 10, 20 and 45 go.
        assertEquals(List.of("step-00000030.ckpt", "step-00000040.ckpt", "step-00000050.ckpt"), names);
        assertThrows(InvalidCheckpointException.class, () -> CheckpointStore.configOf(step(run, 40)));
    }

    @Test
    void aWrongShapeOrAGigabyteLengthFallsBackToTheCheckpointBeforeIt() throws Exception {
        Path run = trained();
        CheckpointBytes wrongShape = CheckpointBytes.of(step(run, 40));
        byte[] generator = wrongShape.sections.get("networks.generator");
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(generator));
        in.readInt();
        int dims = 4 + 2 + in.readUTF().getBytes(StandardCharsets.UTF_8).length; // past count and name
        dims += 2 + in.readUTF().length() + 4; // past data type and rank
        assertEquals(2, in.readInt());
        long rows = in.readLong();
        long cols = in.readLong();
        assertTrue(rows != cols, "a transposed shape differs");
        wrongShape.putLong("networks.generator", dims, cols).putLong("networks.generator", dims + 8, rows)
                .writeTo(step(run, 40));
        CheckpointBytes.of(step(run, 30)).putInt("trainer", 8, Integer.MAX_VALUE).writeTo(step(run, 30));
        try (Model model = new Model(1)) {
            CheckpointStore store = new CheckpointStore(run);
            IncompatibleCheckpointException shape = assertThrows(IncompatibleCheckpointException.class,
                    () -> store.restore(step(run, 40), model.nets, model.g, model.d, model.root));
            assertTrue(shape.getMessage().contains("has shape (" + rows + ", " + cols + ") but the checkpoint has ("
                    + cols + ", " + rows + ")"), shape.getMessage());
            CheckpointStore.Restored restored = store.restoreLatest(model.nets, model.g, model.d, model.root).orElseThrow();
            assertEquals(20, restored.step());
            assertEquals(step(run, 20), restored.file());
        }
    }

    /** A plugin part holding one number. */
    private static class Counter implements StatefulPart {
        long value;
        boolean readsItsState = true;

        Counter(long value) {
            this.value = value;
        }

        @Override
        public String stateSection() {
            return "test.counter";
        }

        @Override
        public void saveState(DataOutputStream out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public void loadState(DataInputStream in) throws IOException {
            if (readsItsState) {
                value = in.readLong();
            }
        }
    }

    @Test
    void pluginStateHasItsOwnSectionThatMustMatchTheConfiguredParts() throws Exception {
        try (Model model = new Model(1)) {
            Path run = dir.resolve("parts");
            Path withPart = new CheckpointStore(run, List.of(new Counter(7)))
                    .save(5, "seed: 1\n", model.nets, model.g, model.d);
            Counter restored = new Counter(0);
            new CheckpointStore(run, List.of(restored)).restore(withPart, model.nets, model.g, model.d, model.root);
            assertEquals(7, restored.value);

            IncompatibleCheckpointException unknown = assertThrows(IncompatibleCheckpointException.class,
                    () -> new CheckpointStore(run).restore(withPart, model.nets, model.g, model.d, model.root));
            assertTrue(unknown.getMessage().contains("state sections [test.counter] that no part of this run reads"),
                    unknown.getMessage());
            // Sampling reads the networks only, whatever parts wrote.
            assertEquals(5, new CheckpointStore(run).restoreNetworks(withPart, model.nets, model.root).step());

            Path without = new CheckpointStore(run).save(6, "seed: 1\n", model.nets, model.g, model.d);
            IncompatibleCheckpointException missing = assertThrows(IncompatibleCheckpointException.class,
                    () -> new CheckpointStore(run, List.of(new Counter(0)))
                            .restore(without, model.nets, model.g, model.d, model.root));
            assertTrue(missing.getMessage().contains("no state sections [test.counter]"), missing.getMessage());

            Counter lazy = new Counter(0);
            lazy.readsItsState = false;
            InvalidCheckpointException unread = assertThrows(InvalidCheckpointException.class,
                    () -> new CheckpointStore(run, List.of(lazy)).restore(withPart, model.nets, model.g, model.d, model.root));
            assertTrue(unread.getMessage().endsWith("section 'test.counter' has 8 bytes after what its reader expects"),
                    unread.getMessage());

            Counter clash = new Counter(0) {
                @Override
                public String stateSection() {
                    return "trainer";
                }
            };
            assertThrows(IllegalArgumentException.class, () -> new CheckpointStore(run, List.of(clash)));
        }
    }

    /** The version-1 layout, written as gan4j wrote it before sections. */
    private static byte[] versionOne(long step, String config, Model model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(CheckpointFile.MAGIC);
            out.writeInt(1);
            out.writeLong(step);
            byte[] text = config.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            for (var block : List.of(model.nets.generator(), model.nets.discriminator())) {
                out.writeInt(block.getParameters().size());
                for (Pair<String, Parameter> p : block.getParameters()) {
                    out.writeUTF(p.getKey());
                    byte[] bytes = p.getValue().getArray().encode();
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
            model.g.save(out);
            model.d.save(out);
        }
        return CheckpointBytes.withChecksum(buffer.toByteArray());
    }

    @Test
    void aVersionOneCheckpointStillLoads() throws Exception {
        Path run = dir.resolve("old");
        Path file = Files.createDirectories(run.resolve("checkpoints")).resolve("step-00000007.ckpt");
        try (Model source = new Model(1); Model target = new Model(2)) {
            Files.write(file, versionOne(7, "seed: 4\n", source));
            assertFalse(java.util.Arrays.equals(source.generatorWeights(), target.generatorWeights()));
            CheckpointStore.Restored restored = new CheckpointStore(run)
                    .restoreLatest(target.nets, target.g, target.d, target.root).orElseThrow();
            assertEquals(7, restored.step());
            assertEquals("seed: 4\n", restored.configYaml());
            assertArrayEquals(source.generatorWeights(), target.generatorWeights());
            assertEquals("seed: 4\n", CheckpointStore.configOf(file));
            assertThrows(IncompatibleCheckpointException.class, () -> new CheckpointStore(run, List.of(new Counter(0)))
                    .restore(file, target.nets, target.g, target.d, target.root));
        }
    }

    private static CheckpointConfig everyTenSteps() {
        CheckpointConfig config = new CheckpointConfig();
        config.setEvery(10);
        return config;
    }

    @Test
    void aFullDiskNamesTheFileAndKeepsTheLastGoodCheckpoint() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        CheckpointStore.BytesWriter fillsUp = (target, bytes) -> {
            if (writes.incrementAndGet() > 1) {
                throw new IOException("No space left on device"); // what FileOutputStream.write says on ENOSPC
            }
            AtomicFiles.write(target, bytes);
        };
        try (Model model = new Model(1)) {
            CheckpointStore store = new CheckpointStore(dir.resolve("full"), List.of(), fillsUp);
            Checkpointer checkpointer = new Checkpointer(store, everyTenSteps(), "seed: 1\n", model.nets, model.g, model.d);
            checkpointer.afterStep(10, null, false);
            RunException e = assertThrows(RunException.class, () -> checkpointer.afterStep(20, null, false));
            assertEquals("cannot write checkpoint " + store.fileFor(20) + ": no space left on device; the last good "
                    + "checkpoint, " + store.fileFor(10) + ", is kept", e.getMessage());
            assertFalse(Files.exists(store.fileFor(20)));
            assertEquals(10, store.restore(store.fileFor(10), model.nets, model.g, model.d, model.root).step());
        }
    }

    @Test
    void aRunFolderThatIsAFileNamesTheFileAndTheReason() throws Exception {
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a folder");
        try (Model model = new Model(1)) {
            CheckpointStore store = new CheckpointStore(blocked);
            Checkpointer checkpointer = new Checkpointer(store, everyTenSteps(), "seed: 1\n", model.nets, model.g, model.d);
            RunException e = assertThrows(RunException.class, () -> checkpointer.afterStep(10, null, false));
            assertEquals("cannot write checkpoint " + store.fileFor(10) + ": a path component is a file, not a folder; "
                    + "no earlier checkpoint was written", e.getMessage());
        }
    }

    @Test
    void ioReasonsAreWordsAUserCanActOn() {
        assertEquals("permission denied", IoReasons.of(new AccessDeniedException("/x/y")));
        assertEquals("no space left on device", IoReasons.of(new IOException("No space left on device")));
        assertEquals("no space left on device", IoReasons.of(new FileSystemException("/x", null, "No space left on device")));
        assertEquals("read-only file system", IoReasons.of(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("a path component is a file, not a folder", IoReasons.of(new FileSystemException("/x", null, "Not a directory")));
        assertEquals("input/output error", IoReasons.of(new IOException("Input/output error")));
    }

    @Test
    void aResumedRunReplacesBestOnlyWithABetterValue() throws Exception {
        CheckpointConfig config = everyTenSteps();
        config.setBestMetric("score");
        config.setBestMode(CheckpointConfig.Direction.MIN);
        try (Model model = new Model(1)) {
            CheckpointStore store = new CheckpointStore(dir.resolve("best"));
            Path best = store.directory().resolve("best.ckpt");
            new Checkpointer(store, config, "seed: 1\n", model.nets, model.g, model.d)
                    .afterStep(10, java.util.Map.of("score", 0.5), false);
            CheckpointStore.Restored restored = store.restoreLatest(model.nets, model.g, model.d, model.root).orElseThrow();
            assertEquals(0.5, restored.best().getAsDouble());
            Checkpointer resumed = new Checkpointer(store, config, "seed: 1\n", model.nets, model.g, model.d);
            resumed.continueFrom(restored);
            resumed.afterStep(20, java.util.Map.of("score", 0.7), false); // worse than the 0.5 before the stop
            assertEquals(10, store.restore(best, model.nets, model.g, model.d, model.root).step());
            resumed.afterStep(30, java.util.Map.of("score", 0.2), false);
            assertEquals(30, store.restore(best, model.nets, model.g, model.d, model.root).step());
        }
    }
}
