package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of bad input (docs/errors.md): every entry runs the real command line in-process and
 * checks the exit code (2 usage/config, 1 runtime), that the error is ONE line starting with {@code gan: }
 * with no stack trace, and that it says what is wrong, where, and what is accepted.
 *
 * <p>Log lines ({@code HH:mm:ss [LEVEL] ...}, written by slf4j-simple to stderr while a run starts) are
 * not error messages and are set aside before counting.
 */
class BadInputCatalogTest {
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d \\[(TRACE|DEBUG|INFO|WARN|ERROR)\\] .*");

    /** Tiny and fast: ring data, a one-layer MLP of width 8, 10 steps. */
    static final String TINY = """
            seed: 1
            data: {type: ring}
            model: {type: mlp, hidden: [8]}
            loss: {type: non-saturating}
            trainer: {steps: 10, batch_size: 16, log_every: 5}
            eval: {samples: 50}
            output: {plots: false}
            """;

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

    // ---------------------------------------------------------------- helpers

    /** The outcome of one command: exit code and what it wrote. */
    record Outcome(int code, String stderr, String stdout) {
        /** The stderr lines that are not log lines. */
        List<String> messageLines() {
            return stderr.lines().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l).matches()).toList();
        }
    }

    private Outcome gan(String... args) {
        out.reset();
        err.reset();
        int code = GanCli.run(args);
        System.err.flush();
        return new Outcome(code, err.toString(), out.toString());
    }

    /** Asserts exit code, one {@code gan: } line without stack trace, holding every fragment. */
    private static String assertOneMessage(Outcome o, int code, String... fragments) {
        String all = "exit " + o.code() + ", stderr:\n" + o.stderr();
        assertEquals(code, o.code(), all);
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + all);
        List<String> lines = o.messageLines();
        assertEquals(1, lines.size(), "exactly one message line: " + all);
        String line = lines.get(0);
        assertTrue(line.startsWith("gan: "), all);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
        return line;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Path config(String yaml) throws IOException {
        return write("exp.yaml", yaml);
    }

    /** TINY with its data line replaced. */
    private Path withData(String dataLine) throws IOException {
        return config(TINY.replace("data: {type: ring}", "data: " + dataLine));
    }

    private String validate(String yaml, int code, String... fragments) throws IOException {
        Path file = config(yaml);
        return assertOneMessage(gan("validate", file.toString()), code, fragments);
    }

    private String train(Path config, int code, String... fragments) {
        return assertOneMessage(gan("train", config.toString(), "--out", dir.resolve("run").toString()), code, fragments);
    }

    private Path trainedRun(String name) throws IOException {
        Path run = dir.resolve(name);
        Outcome o = gan("train", config(TINY).toString(), "--out", run.toString());
        assertEquals(0, o.code(), o.stderr());
        return run;
    }

    private String file() {
        return dir.resolve("exp.yaml").toString();
    }

    private static byte[] idxImages(int count, int rows, int cols, int magic) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeInt(magic);
            d.writeInt(count);
            d.writeInt(rows);
            d.writeInt(cols);
            byte[] pixels = new byte[count * rows * cols];
            new Random(1).nextBytes(pixels);
            d.write(pixels);
        }
        return bytes.toByteArray();
    }

    private static byte[] idxLabels(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeInt(0x00000801);
            d.writeInt(count);
            for (int i = 0; i < count; i++) {
                d.writeByte(i % 10);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path idxFolder(byte[] images, byte[] labels) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images));
        if (labels != null) {
            Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels));
        }
        return folder;
    }

    private static byte[] png(int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(2);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    // ------------------------------------------------------ config files (exit 2)

    @Test
    void malformedYaml() throws Exception {
        validate(TINY.replace("hidden: [8]}", "hidden: [8}"), 2, file() + ":3:", "malformed YAML: expected ',' or ']'",
                "flow sequence that starts at line 3");
    }

    @Test
    void tabIndentation() throws Exception {
        validate(TINY + "checkpoint:\n\tevery: 5\n", 2, file() + ":9:1: malformed YAML: a tab character; YAML indents with spaces only");
    }

    @Test
    void duplicateKey() throws Exception {
        validate(TINY.replace("steps: 10,", "steps: 10, steps: 20,"), 2, file() + ":5:",
                "duplicate key 'steps': a key may appear only once in a section");
    }

    @Test
    void emptyConfigFile() throws Exception {
        validate("# nothing yet\n", 2, file() + ": the file is empty; expected the sections data, model and loss");
    }

    @Test
    void topLevelNotAMapping() throws Exception {
        validate("- data\n- model\n", 2, file() + ":1:1: the top level must be a mapping of sections", "got a list");
    }

    @Test
    void missingConfigFile() {
        assertOneMessage(gan("validate", dir.resolve("nope.yaml").toString()), 2, dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void configIsAFolder() {
        assertOneMessage(gan("train", dir.toString()), 2, "gan: " + dir + ": is a folder; expected a YAML file");
    }

    @Test
    void configNotUtf8() throws Exception {
        Path file = dir.resolve("exp.yaml");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', ':', ' ', '1'});
        assertOneMessage(gan("validate", file.toString()), 2, file + ": is not UTF-8 text");
    }

    @Test
    void unknownTopLevelKey() throws Exception {
        validate(TINY + "trainr: {steps: 5}\n", 2, file() + ":8:1:", "unknown key 'trainr'; accepted keys here: [",
                "trainer");
    }

    @Test
    void unknownKeyInAVariant() throws Exception {
        validate(TINY.replace("{type: ring}", "{type: ring, modez: 8}"), 2, file() + ":2:", "data: unknown key 'modez'",
                "modes", "radius");
    }

    @Test
    void unknownLossType() throws Exception {
        validate(TINY.replace("non-saturating", "wgan"), 2, file() + ":4:", "loss.type: unknown type 'wgan'; registered: [",
                "minimax", "non-saturating");
    }

    @Test
    void unknownOptimizerType() throws Exception {
        validate(TINY.replace("log_every: 5}", "log_every: 5, generator_optimizer: {type: adagrad}}"), 2, file() + ":5:",
                "trainer.generator_optimizer.type: unknown type 'adagrad'; registered: [adam, rmsprop, sgd]");
    }

    @Test
    void unknownMetricType() throws Exception {
        validate(TINY.replace("eval: {samples: 50}", "eval: {samples: 50, metrics: [{type: fid}]}"), 2, file() + ":6:",
                "eval.metrics[0].type: unknown type 'fid'; registered: [");
    }

    @Test
    void sectionWithoutType() throws Exception {
        validate(TINY.replace("{type: non-saturating}", "{}"), 2, file() + ":4:", "loss: needs 'type:', one of [",
                "minimax");
    }

    @Test
    void sectionGivenAsAWord() throws Exception {
        validate(TINY.replace("{type: non-saturating}", "minimax"), 2, file() + ":4:",
                "loss: must be a section with 'type:', e.g. loss: {type: minimax}", "registered types: [");
    }

    @Test
    void missingSection() throws Exception {
        validate(TINY.replace("model: {type: mlp, hidden: [8]}\n", ""), 2,
                file() + ": model: missing; add a 'model:' section with 'type:' one of [", "mlp");
    }

    @Test
    void wordWhereANumberIsExpected() throws Exception {
        validate(TINY.replace("batch_size: 16", "batch_size: lots"), 2, file() + ":5:",
                "trainer.batch_size: 'lots' is not an integer");
    }

    @Test
    void fractionWhereAnIntegerIsExpected() throws Exception {
        validate(TINY.replace("steps: 10", "steps: 2.5"), 2, file() + ":5:", "trainer.steps: '2.5' is not an integer");
    }

    @Test
    void singleValueWhereAListIsExpected() throws Exception {
        validate(TINY.replace("hidden: [8]", "hidden: 8"), 2, file() + ":3:", "model.hidden: expected a list, got '8'");
    }

    @Test
    void singleValueWhereASectionIsExpected() throws Exception {
        validate(TINY.replace("eval: {samples: 50}", "eval: 50"), 2, file() + ":6:",
                "eval: expected a mapping (key: value section), got '50'");
    }

    @Test
    void wordWhereABooleanIsExpected() throws Exception {
        validate(TINY.replace("output: {plots: false}", "output: {plots: maybe}"), 2, file() + ":7:",
                "output.plots: 'maybe' is not true or false");
    }

    @Test
    void unknownWordForAnEnum() throws Exception {
        validate(TINY.replace("hidden: [8]", "hidden: [8], activation: swish"), 2, file() + ":3:", "model.activation",
                "relu", "leaky_relu", "tanh");
    }

    @Test
    void wordOutsideTheAcceptedSet() throws Exception {
        validate(TINY.replace("data: {type: ring}", "data: {type: idx, split: validation}"), 2, file() + ":2:",
                "data.split: 'validation' is not accepted; expected one of [train, test]");
    }

    @Test
    void negativeBatchSize() throws Exception {
        validate(TINY.replace("batch_size: 16", "batch_size: -3"), 2, file() + ":5:",
                "trainer.batch_size: must be a positive integer, got -3");
    }

    @Test
    void zeroBatchSize() throws Exception {
        validate(TINY.replace("batch_size: 16", "batch_size: 0"), 2, file() + ":5:",
                "trainer.batch_size: must be a positive integer, got 0");
    }

    @Test
    void zeroLatentDimension() throws Exception {
        validate(TINY + "latent: {dim: 0}\n", 2, file() + ":8:", "latent.dim: must be a positive integer, got 0");
    }

    @Test
    void negativeLayerWidth() throws Exception {
        validate(TINY.replace("hidden: [8]", "hidden: [8, -1]"), 2, file() + ":3:",
                "model.hidden: must be a list of positive integers, got [8, -1]");
    }

    @Test
    void zeroModesInTheData() throws Exception {
        validate(TINY.replace("{type: ring}", "{type: ring, modes: 0}"), 2, file() + ":2:",
                "data.modes: must be a positive integer, got 0");
    }

    @Test
    void negativeStandardDeviation() throws Exception {
        validate(TINY.replace("{type: ring}", "{type: ring, std: -1}"), 2, file() + ":2:",
                "data.std: must be a finite number > 0, got -1.0");
    }

    @Test
    void negativeLearningRate() throws Exception {
        validate(TINY.replace("log_every: 5}", "log_every: 5, discriminator_optimizer: {type: adam, lr: -0.1}}"), 2,
                file() + ":5:", "trainer.discriminator_optimizer.lr: must be a finite number > 0, got -0.1");
    }

    @Test
    void betaOutOfRange() throws Exception {
        validate(TINY.replace("log_every: 5}", "log_every: 5, generator_optimizer: {type: adam, beta1: 1.5}}"), 2,
                file() + ":5:", "trainer.generator_optimizer.beta1: must be in [0.0, 1.0), got 1.5");
    }

    @Test
    void keyWithoutValue() throws Exception {
        validate(TINY.replace("output: {plots: false}", "output:\n  plots:\n  dir: x"), 2, file() + ":8:",
                "output.plots: has no value; give a value or remove the key to use the default");
    }

    @Test
    void extendsAMissingFile() throws Exception {
        validate("extends: base.yaml\n" + TINY, 2, file() + ":1:10: extends: " + dir.resolve("base.yaml") + ": no such file");
    }

    @Test
    void extendsCycle() throws Exception {
        write("a.yaml", "extends: exp.yaml\n");
        validate("extends: a.yaml\n" + TINY, 2, "extends: extends cycle: exp.yaml -> a.yaml -> exp.yaml");
    }

    @Test
    void badValueInABaseFilePointsAtTheBase() throws Exception {
        write("base.yaml", TINY.replace("batch_size: 16", "batch_size: -1"));
        validate("extends: base.yaml\nseed: 2\n", 2, dir.resolve("base.yaml") + ":5:",
                "trainer.batch_size: must be a positive integer, got -1");
    }

    @Test
    void unknownKeyInABenchSuite() throws Exception {
        config(TINY);
        Path suite = write("suite.yaml", "base: exp.yaml\nmatrx: {seed: [1, 2]}\n");
        assertOneMessage(gan("bench", suite.toString(), "--dry-run"), 2,
                "gan: " + suite + ":2:1: unknown key 'matrx'; accepted keys here: [base, description, matrix, metrics, "
                        + "name, seed_key, set]");
    }

    @Test
    void benchSuiteValueTheExperimentRejects() throws Exception {
        config(TINY);
        Path suite = write("suite.yaml", "base: exp.yaml\nmatrix:\n  trainer.batch_size: [16, -3]\n");
        assertOneMessage(gan("bench", suite.toString(), "--dry-run"), 2,
                "gan: " + suite + ":3:3: matrix.trainer.batch_size: member {trainer.batch_size=-3} is not a valid "
                        + "experiment: ", "trainer.batch_size: must be a positive integer, got -3");
    }

    // ---------------------------------------------------------- --set overrides (exit 2)

    @Test
    void overrideWithoutEquals() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "trainer.steps"), 2,
                "gan: --set trainer.steps: expected key.path=value, e.g. trainer.steps=500");
    }

    @Test
    void overrideOfAnUnknownKey() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "trainer.speed=3"), 2,
                "gan: --set trainer.speed=3: trainer: unknown key 'speed'; accepted keys here: [", "batch_size");
    }

    @Test
    void overrideWithInvalidYaml() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "model.hidden=[8"), 2,
                "gan: --set model.hidden=[8: model.hidden: the value is not valid YAML: expected ',' or ']'",
                "e.g. --set model.hidden=[64,64]");
    }

    @Test
    void overrideIndexOutOfRange() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "model.hidden.3=4"), 2,
                "gan: --set model.hidden.3=4: model.hidden.3: '3' is not an index of this list; expected 0..0");
    }

    @Test
    void overrideBelowASingleValue() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "seed.x=1"), 2,
                "gan: --set seed.x=1: seed: is a single value, so it has no key 'x'");
    }

    // ------------------------------------------------------ command-line usage (exit 2)

    @Test
    void unknownCommand() {
        assertOneMessage(gan("trian"), 2, "gan: unknown command 'trian' (did you mean train?); commands: train, validate,",
                "see 'gan --help'");
    }

    @Test
    void unknownOption() throws Exception {
        assertOneMessage(gan("train", config(TINY).toString(), "--outt", "x"), 2,
                "gan: train: unknown option '--outt' (did you mean --out?); options: ", "--overwrite", "--resume",
                "see 'gan train --help'");
    }

    @Test
    void missingConfigArgument() {
        assertOneMessage(gan("validate"), 2, "gan: validate: missing required parameter: 'CONFIG'; see 'gan validate --help'");
    }

    @Test
    void extraArgument() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "other.yaml"), 2,
                "gan: validate: unexpected argument 'other.yaml'; gan validate takes CONFIG and options");
    }

    @Test
    void optionWithoutItsValue() throws Exception {
        assertOneMessage(gan("train", config(TINY).toString(), "--set"), 2,
                "gan: train: missing required parameter for option '--set' (KEY=VALUE)");
    }

    @Test
    void optionValueOfTheWrongType() {
        assertOneMessage(gan("sample", dir.toString(), "--n", "many"), 2,
                "gan: sample: invalid value for option '--n': 'many' is not an int");
    }

    @Test
    void zeroSamplesRequested() {
        assertOneMessage(gan("sample", dir.toString(), "--n", "0"), 2,
                "gan: sample: invalid value for option '--n': must be a positive number of samples, got 0");
    }

    @Test
    void resumeWithOut() throws Exception {
        assertOneMessage(gan("train", "--resume", dir.toString(), "--out", dir.resolve("x").toString()), 2,
                "gan: train: --resume continues a run in place; drop --out/--overwrite");
    }

    // ------------------------------------------------------------- data files (exit 1)

    @Test
    void idxFolderMissing() throws Exception {
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + dir.resolve("mnist")
                + ": not a folder; path must name the folder holding train-images-idx3-ubyte[.gz] and "
                + "train-labels-idx1-ubyte[.gz]");
    }

    @Test
    void idxImagesFileMissing() throws Exception {
        Files.createDirectories(dir.resolve("mnist"));
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + dir.resolve("mnist")
                + ": no train-images-idx3-ubyte file (accepted: [train-images-idx3-ubyte.gz, train-images-idx3-ubyte,");
    }

    @Test
    void idxTruncatedGzip() throws Exception {
        Path folder = idxFolder(idxImages(20, 8, 8, 0x00000803), idxLabels(20));
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length / 2));
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + images + ": truncated: the header announces "
                + "20 images of 8×8 pixels (1280 bytes after the 16-byte header) but only");
    }

    @Test
    void idxTruncatedHeader() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + folder.resolve("train-images-idx3-ubyte")
                + ": truncated: the file ends before the image count in its header");
    }

    @Test
    void idxWrongMagic() throws Exception {
        // The labels file stored under the images file's name.
        Path folder = idxFolder(idxLabels(4), idxLabels(4));
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + folder.resolve("train-images-idx3-ubyte.gz")
                + ": not an IDX images file: magic number is 0x00000801, expected 0x00000803 (this is a labels file)");
    }

    @Test
    void idxImageAndLabelCountsDiffer() throws Exception {
        Path folder = idxFolder(idxImages(4, 4, 4, 0x00000803), idxLabels(3));
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + folder.resolve("train-labels-idx1-ubyte.gz")
                + ": holds 3 labels but " + folder.resolve("train-images-idx3-ubyte.gz")
                + " holds 4 images; expected one label per image");
    }

    @Test
    void batchLargerThanTheDataSet() throws Exception {
        idxFolder(idxImages(4, 4, 4, 0x00000803), idxLabels(4));
        train(withData("{type: idx, path: mnist}"), 1, "gan: trainer.batch_size 16 is larger than the data set (4 samples)");
    }

    @Test
    void cifarTruncatedBatchFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cifar"));
        byte[] record = new byte[3073];
        for (int i = 1; i <= 5; i++) {
            Files.write(folder.resolve("data_batch_" + i + ".bin"), i == 3 ? Arrays.copyOf(record, 3000) : record);
        }
        train(withData("{type: cifar10, path: cifar}"), 1, "gan: data: " + folder.resolve("data_batch_3.bin")
                + ": 3000 bytes is not a whole number of CIFAR-10 records of 3073 bytes (1 label + 3072 pixels); "
                + "the file is truncated or not CIFAR-10 binary");
    }

    @Test
    void cifarBatchFileMissing() throws Exception {
        Files.createDirectories(dir.resolve("cifar"));
        train(withData("{type: cifar10, path: cifar}"), 1, "gan: data: " + dir.resolve("cifar").resolve("data_batch_1.bin")
                + ": no such file; split 'train' needs [data_batch_1.bin, data_batch_2.bin, data_batch_3.bin,");
    }

    @Test
    void imageFolderWithACorruptPng() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("faces"));
        Files.write(folder.resolve("a.png"), png(8));
        byte[] whole = png(8);
        Files.write(folder.resolve("b.png"), Arrays.copyOf(whole, 60));
        train(withData("{type: image-folder, path: faces, size: 8, channels: 1}"), 1,
                "gan: data: " + folder.resolve("b.png") + ": cannot decode the image: ");
    }

    @Test
    void imageFolderWithAFileThatIsNoImage() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("faces"));
        Files.writeString(folder.resolve("notes.png"), "not an image");
        train(withData("{type: image-folder, path: faces, size: 8, channels: 1}"), 1,
                "gan: data: " + folder.resolve("notes.png") + ": not a readable PNG or JPEG image");
    }

    @Test
    void imageFolderEmpty() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("faces"));
        train(withData("{type: image-folder, path: faces, size: 8, channels: 1}"), 1,
                "gan: data: " + folder + ": no PNG or JPEG files (.png, .jpg, .jpeg) found");
    }

    // ---------------------------------------------- output and run directories (exit 1)

    @Test
    void outputDirectoryIsAFile() throws Exception {
        Path taken = write("taken", "x");
        assertOneMessage(gan("train", config(TINY).toString(), "--out", taken.toString()), 1,
                "gan: output directory " + taken + " is a file; choose another with --out");
    }

    @Test
    void outputDirectoryInsideAFile() throws Exception {
        Path taken = write("taken", "x");
        assertOneMessage(gan("train", config(TINY).toString(), "--out", taken.resolve("run").toString()), 1,
                "gan: output directory " + taken.resolve("run") + " cannot be created or written (Not a directory); choose another with --out");
    }

    @Test
    void existingRunWithoutOverwrite() throws Exception {
        Path run = trainedRun("run");
        assertOneMessage(gan("train", config(TINY).toString(), "--out", run.toString()), 1,
                "gan: output directory " + run + " already holds a run; pass --overwrite to replace it, "
                        + "or choose another with --out");
    }

    @Test
    void resumeFromADirectoryThatIsNotARun() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertOneMessage(gan("train", config(TINY).toString(), "--resume", plain.toString()), 1,
                "gan: cannot resume " + plain + ": it is not a run directory (no gan4j-run.json, nor the config.yaml "
                        + "and run.json of an older run)");
    }

    @Test
    void resumeFromAMissingDirectory() throws Exception {
        assertOneMessage(gan("train", config(TINY).toString(), "--resume", dir.resolve("gone").toString()), 1,
                "gan: cannot resume " + dir.resolve("gone") + ": no such directory");
    }

    @Test
    void resumeARunWithoutCheckpoints() throws Exception {
        Path run = trainedRun("run");
        try (var files = Files.list(run.resolve("checkpoints"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertOneMessage(gan("train", "--resume", run.toString()), 1,
                "gan: cannot resume " + run + ": it has no valid checkpoint in " + run.resolve("checkpoints"),
                "(was it interrupted before its first checkpoint?)");
    }

    @Test
    void resumeARunThatIsAlreadyDone() throws Exception {
        Path run = trainedRun("run");
        assertOneMessage(gan("train", "--resume", run.toString()), 1,
                "gan: the run in " + run + " is already at step 10 and trainer.steps is 10; ask for more with "
                        + "--set trainer.steps=N (a total) or --set trainer.more_steps=N");
    }

    @Test
    void resumeWithAnIncompatibleCheckpoint() throws Exception {
        Path run = trainedRun("run");
        Path wider = write("wider.yaml", TINY.replace("hidden: [8]", "hidden: [16]").replace("steps: 10", "steps: 20"));
        assertOneMessage(gan("train", wider.toString(), "--resume", run.toString()), 1,
                "gan: incompatible checkpoint: " + run.resolve("checkpoints"), "the generator parameter '", "has shape (16, 2) but the "
                        + "checkpoint has (8, 2)", "use the config the run was trained with");
    }

    @Test
    void sampleFromADirectoryThatIsNotARun() {
        assertOneMessage(gan("sample", dir.toString(), "--out", dir.resolve("s.png").toString()), 1,
                "gan: " + dir + " is not a run directory (no gan4j-run.json, nor the config.yaml and run.json of an "
                        + "older run)");
    }

    @Test
    void sampleFromACorruptCheckpoint() throws Exception {
        Path run = trainedRun("run");
        Path ckpt = write("broken.ckpt", "GAN4J-CK but not really a checkpoint, and too short to pass the checksum");
        assertOneMessage(gan("sample", run.toString(), "--checkpoint", ckpt.toString(), "--out",
                dir.resolve("s.png").toString()), 1,
                "gan: cannot sample from " + run + ": " + ckpt + " is corrupt (checksum mismatch or truncated)");
    }

    // ---------------------------------------------------------------- plugins (exit 1)

    @Test
    void pluginFolderMissing() {
        assertOneMessage(gan("--plugins", dir.resolve("plugins").toString(), "plugins"), 1,
                "gan: plugins folder " + dir.resolve("plugins") + " does not exist or is not a folder");
    }

    @Test
    void pluginJarUnreadable() throws Exception {
        Path jar = write("plugins/broken.jar", "not a zip");
        assertOneMessage(gan("--plugins", dir.resolve("plugins").toString(), "plugins"), 1,
                "gan: plugin jar " + jar + " could not be loaded: not a readable jar");
    }

    @Test
    void twoPluginsDeclareTheSameDefault() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPluginJar.build(plugins.resolve("sgd-default.jar"), "SgdByDefault", """
                public final class SgdByDefault extends org.gan4j.api.plugin.GanPlugin {
                    protected void registerVariants() {
                        registerDefault(org.gan4j.api.optim.OptimizerSpec.class, "sgd", java.util.Map.of("lr", 0.1));
                    }
                }
                """);
        assertOneMessage(gan("--plugins", plugins.toString(), "plugins"), 1,
                "gan: two plugins declare the default OptimizerSpec: 'sgd' (from SgdByDefault) and 'adam' (from "
                        + "org.gan4j.optimizers.OptimizersPlugin); remove one of them");
    }

    // ------------------------------------------------------- training failures (exit 1)

    @Test
    void trainingDiverges() throws Exception {
        String line = assertOneMessage(gan("train", config(TINY).toString(), "--out", dir.resolve("run").toString(),
                "--set", "trainer.generator_optimizer={type: sgd, lr: 1e30}",
                "--set", "trainer.discriminator_optimizer={type: sgd, lr: 1e30}"), 1,
                "gan: training diverged at step ", "lower the learning rates");
        assertTrue(line.contains("is NaN") || line.contains("infinite"), line);
    }

    // ------------------------------------------------------------ warnings, --debug

    @Test
    void corruptNewestCheckpointFallsBackWithAWarning() throws Exception {
        Path run = dir.resolve("run");
        Outcome first = gan("train", config(TINY).toString(), "--out", run.toString(), "--set", "checkpoint.every=5");
        assertEquals(0, first.code(), first.stderr());
        Path newest = run.resolve("checkpoints").resolve("step-00000010.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));
        Outcome resumed = gan("train", "--resume", run.toString(), "--set", "trainer.more_steps=5");
        assertEquals(0, resumed.code(), resumed.stderr());
        assertTrue(resumed.stderr().contains("checkpoint " + newest + " is corrupt (checksum mismatch or truncated); "
                + "falling back to an older one"), resumed.stderr());
        assertTrue(resumed.stderr().contains("step-00000005.ckpt"), resumed.stderr());
        assertTrue(resumed.messageLines().isEmpty(), resumed.stderr());
    }

    @Test
    void dataSourceWithoutItsRequiredPathIsAConfigError() throws Exception {
        Path file = config(TINY.replace("data: {type: ring}", "data: {type: cifar10}"));
        assertOneMessage(gan("validate", file.toString()), 2,
                "gan: " + file + ":2:7: data: path: required; the folder holding data_batch_1.bin");
        Path folder = config(TINY.replace("data: {type: ring}", "data: {type: image-folder, size: 28}"));
        assertOneMessage(gan("validate", folder.toString()), 2, ":2:7: data: path: required; a folder of PNG or JPEG");
    }

    @Test
    void mixtureListsOfDifferentLengthsAreAConfigError() throws Exception {
        Path file = config(TINY.replace("data: {type: ring}", "data: {type: gaussian, means: [1, 2, 3], stds: [1, 2]}"));
        assertOneMessage(gan("validate", file.toString()), 2,
                ":2:7: data: stds has 2 values; give one shared value or one per mean (3)");
    }

    @Test
    void debugPrintsTheStackTrace() throws Exception {
        Path taken = write("taken", "x");
        Outcome o = gan("--debug", "train", config(TINY).toString(), "--out", taken.toString());
        assertEquals(1, o.code(), o.stderr());
        assertTrue(o.stderr().startsWith("gan: output directory " + taken + " is a file"), o.stderr());
        assertTrue(o.stderr().contains("org.gan4j.core.RunException") && o.stderr().contains("\tat "), o.stderr());
        Outcome usage = gan("train", "--debug", "--outt");
        assertEquals(2, usage.code(), usage.stderr());
        assertTrue(usage.stderr().contains("\tat "), usage.stderr());
        Outcome config = gan("--debug", "validate", config(TINY.replace("batch_size: 16", "batch_size: -3")).toString());
        assertEquals(2, config.code(), config.stderr());
        assertTrue(config.stderr().contains("ConfigException") && config.stderr().contains("\tat "), config.stderr());
    }

    // ---- conditional tasks

    @Test
    void unknownTaskType() throws Exception {
        validate(TINY + "task: {type: deblur}\n", 2, file() + ":8:", "task.type: unknown type 'deblur'; registered: [",
                "class-conditional", "colorization", "inpainting", "super-resolution");
    }

    @Test
    void classConditionalOnUnlabelledData() throws Exception {
        train(config(TINY + "task: {type: class-conditional}\n"), 1,
                "gan: task: class-conditional needs labelled data", "use a data source with class labels");
    }

    @Test
    void imageTaskOnPointData() throws Exception {
        train(config(TINY + "task: {type: super-resolution}\n"), 1,
                "gan: task: super-resolution needs image data of shape (C, H, W)", "shape (2)",
                "use a data source of images");
    }

    @Test
    void colorizationOfGrayData() throws Exception {
        train(config(TINY.replace("data: {type: ring}", "data: {type: photos, channels: 1}")
                .replace("model: {type: mlp, hidden: [8]}", "model: {type: pix2pix}") + "task: {type: colorization}\n"),
                1, "gan: task: colorization needs RGB data (3 channels), but the data has 1", "channels: 3");
    }

    @Test
    void pix2pixWithoutATask() throws Exception {
        train(config(TINY.replace("data: {type: ring}", "data: {type: photos}")
                .replace("model: {type: mlp, hidden: [8]}", "model: {type: pix2pix}")), 1,
                "gan: model: pix2pix needs an image condition", "add a task: section that conditions on an image");
    }

    @Test
    void superResolutionFactorOfThree() throws Exception {
        validate(TINY + "task: {type: super-resolution, factor: 3}\n", 2, file() + ":8:",
                "task.factor: must be 2 or 4, got 3");
    }

    // ---- run directories (the run-directory contract)

    @Test
    void outDirectoryThatIsNotARun() throws Exception {
        Path mine = write("mine/notes.txt", "keep me").getParent();
        for (String[] extra : new String[][] {{}, {"--overwrite"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("train", config(TINY).toString(), "--out",
                    mine.toString()));
            args.addAll(List.of(extra));
            assertOneMessage(gan(args.toArray(String[]::new)), 1, "gan: output directory " + mine
                    + " is not empty and is not a gan4j run (no gan4j-run.json); choose an empty or new folder with "
                    + "--out (--overwrite replaces only a run)");
        }
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void configWhereTheRunWritesItsResolvedConfig() throws Exception {
        Path inside = write("run/config.yaml", TINY);
        assertOneMessage(gan("train", inside.toString(), "--out", dir.resolve("run").toString(), "--overwrite"), 1,
                "gan: the config " + inside + " sits where the run writes its resolved config.yaml; rename it or "
                        + "choose another directory with --out");
        assertEquals(TINY, Files.readString(inside));
    }

    @Test
    void resumeWhoseRelativeDataIsGone() throws Exception {
        Path faces = Files.createDirectories(dir.resolve("project/faces"));
        for (int i = 0; i < 16; i++) {
            Files.write(faces.resolve("f" + i + ".png"), png(8));
        }
        Path exp = write("project/exp.yaml", TINY.replace("data: {type: ring}",
                "data: {type: image-folder, path: faces, size: 8, channels: 1}"));
        Path run = dir.resolve("run");
        assertEquals(0, gan("train", exp.toString(), "--out", run.toString()).code(), err.toString());
        Files.move(faces, dir.resolve("moved"));
        assertOneMessage(gan("train", "--resume", run.toString(), "--set", "trainer.more_steps=5"), 1,
                "gan: data: " + faces + ": not a folder; relative paths resolve against " + faces.getParent()
                        + ", the folder of the config the run was started from, " + exp.toAbsolutePath()
                        + " (recorded in " + run.resolve("run.json") + ")");
    }

    @Test
    void resumeWithoutConfigYamlOrAReadableCheckpoint() throws Exception {
        Path run = trainedRun("run");
        Files.delete(run.resolve("config.yaml"));
        Path only = run.resolve("checkpoints/step-00000010.ckpt");
        Files.write(only, Arrays.copyOf(Files.readAllBytes(only), 100));
        assertOneMessage(gan("train", "--resume", run.toString()), 1,
                "gan: cannot resume " + run + ": config.yaml is missing and no checkpoint in " + run.resolve("checkpoints")
                        + " holds a readable config; give the config: gan train CONFIG --resume " + run);
    }

    @Test
    void sampleFromARunWhoseRunJsonIsDamaged() throws Exception {
        Path run = trainedRun("run");
        Files.writeString(run.resolve("run.json"), "{\"config\": \"x.yaml\", \"sample_shape\": [-2], \"latent_dim\": 4}");
        assertOneMessage(gan("sample", run.toString(), "--out", dir.resolve("s.png").toString()), 1,
                "gan: cannot read " + run.resolve("run.json") + ": sample_shape [-2] must hold positive sizes");
    }

    @Test
    void regularizerEveryBelowOne() throws Exception {
        validate(TINY + "regularizers: [{type: lecam, every: 0}]\n", 2, file() + ":8:37:",
                "regularizers[0].every: 0 is not allowed; use a whole number >= 1");
    }

    // ---- checkpoints: every field read is checked (fields edited below keep a valid checksum)

    /**
     * Copies a version-2 checkpoint with one long of the trainer section replaced, the format version
     * replaced, or one section's length field claiming {@code claimed} bytes; the SHA-256 is recomputed.
     */
    private static void rewriteCheckpoint(Path from, Path to, long step, int version, String lengthOf, long claimed)
            throws Exception {
        byte[] bytes = Files.readAllBytes(from);
        java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes, 12, bytes.length - 12 - 32));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.write(bytes, 0, 8);
            out.writeInt(version);
            int count = in.readInt();
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] content = in.readNBytes((int) in.readLong());
                if (name.equals("trainer")) {
                    java.nio.ByteBuffer.wrap(content).putLong(0, step);
                }
                out.writeUTF(name);
                out.writeLong(name.equals(lengthOf) ? claimed : content.length);
                out.write(content);
            }
        }
        byte[] sum = java.security.MessageDigest.getInstance("SHA-256").digest(body.toByteArray());
        body.write(sum);
        Files.write(to, body.toByteArray());
    }

    @Test
    void sampleFromACheckpointWithANegativeStep() throws Exception {
        Path run = trainedRun("run");
        Path ckpt = dir.resolve("tampered.ckpt");
        rewriteCheckpoint(run.resolve("checkpoints/step-00000010.ckpt"), ckpt, -5, 2, null, 0);
        assertOneMessage(gan("sample", run.toString(), "--checkpoint", ckpt.toString(), "--out",
                dir.resolve("s.png").toString()), 1,
                "gan: cannot sample from " + run + ": " + ckpt + " is invalid: its trainer state says step -5; "
                        + "a step is 0 or more");
    }

    @Test
    void sampleFromACheckpointWhoseLengthClaimsGigabytes() throws Exception {
        Path run = trainedRun("run");
        Path ckpt = dir.resolve("huge.ckpt");
        rewriteCheckpoint(run.resolve("checkpoints/step-00000010.ckpt"), ckpt, 10, 2, "networks.generator", 3_000_000_000L);
        assertOneMessage(gan("sample", run.toString(), "--checkpoint", ckpt.toString(), "--out",
                dir.resolve("s.png").toString()), 1,
                "gan: cannot sample from " + run + ": " + ckpt + " is invalid: section 'networks.generator' claims "
                        + "3000000000 bytes but ", " remain in the file");
    }

    @Test
    void sampleFromACheckpointOfANewerFormat() throws Exception {
        Path run = trainedRun("run");
        Path ckpt = dir.resolve("newer.ckpt");
        rewriteCheckpoint(run.resolve("checkpoints/step-00000010.ckpt"), ckpt, 10, 3, null, 0);
        assertOneMessage(gan("sample", run.toString(), "--checkpoint", ckpt.toString(), "--out",
                dir.resolve("s.png").toString()), 1,
                "gan: cannot sample from " + run + ": " + ckpt + " is invalid: it has checkpoint format version 3; "
                        + "this build reads versions 1 and 2 (was it written by a newer gan4j?)");
    }

    @Test
    void resumeSkipsACheckpointWithANegativeStepWithAWarning() throws Exception {
        Path run = dir.resolve("run");
        Outcome first = gan("train", config(TINY).toString(), "--out", run.toString(), "--set", "checkpoint.every=5");
        assertEquals(0, first.code(), first.stderr());
        Path newest = run.resolve("checkpoints/step-00000010.ckpt");
        rewriteCheckpoint(newest, newest, -5, 2, null, 0);
        Outcome resumed = gan("train", "--resume", run.toString(), "--set", "trainer.more_steps=5");
        assertEquals(0, resumed.code(), resumed.stderr());
        assertTrue(resumed.stderr().contains("checkpoint " + newest + " is invalid: its trainer state says step -5; "
                + "a step is 0 or more; falling back to an older one"), resumed.stderr());
        assertTrue(resumed.stderr().contains("resuming from " + run.resolve("checkpoints/step-00000005.ckpt")),
                resumed.stderr());
        assertTrue(resumed.messageLines().isEmpty(), resumed.stderr());
    }

    @Test
    void checkpointWriteBlockedByAFolder() throws Exception {
        Path run = dir.resolve("run");
        Outcome first = gan("train", config(TINY).toString(), "--out", run.toString(), "--set", "checkpoint.every=5");
        assertEquals(0, first.code(), first.stderr());
        Path blocked = run.resolve("checkpoints/step-00000015.ckpt");
        write("run/checkpoints/step-00000015.ckpt/notes.txt", "a folder where step 15's checkpoint goes");
        assertOneMessage(gan("train", "--resume", run.toString(), "--set", "trainer.more_steps=10"), 1,
                "gan: cannot write checkpoint " + blocked + ": a folder of that name is in the way; the last good "
                        + "checkpoint, " + run.resolve("checkpoints/step-00000010.ckpt") + ", is kept");
        assertTrue(Files.exists(run.resolve("checkpoints/step-00000010.ckpt")));
    }

    @Test
    void sampleFromADeviceAsCheckpoint() throws Exception {
        Path run = trainedRun("run");
        assertOneMessage(gan("sample", run.toString(), "--checkpoint", "/dev/zero", "--out",
                dir.resolve("s.png").toString()), 1,
                "gan: cannot sample from " + run + ": /dev/zero is invalid: it is not a regular file (a device or a pipe?)");
    }

    // ---- input safety: bounded config reads, non-finite numbers, override blame, one document

    @Test
    void configOverTheSizeLimit() throws Exception {
        // A valid config padded by one long comment: refused by its size before any parsing.
        Path file = config(TINY + "# " + "x".repeat(2_000_000) + "\n");
        long start = System.nanoTime();
        assertOneMessage(gan("validate", file.toString()), 2, "gan: " + file + ": is " + Files.size(file)
                + " bytes; a config is read only up to 1 MiB (1048576 bytes)");
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered within a second");
    }

    @Test
    void configIsADevice() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            long start = System.nanoTime();
            assertOneMessage(gan("validate", device), 2,
                    "gan: " + device + ": is not a regular file (a device, pipe or socket); expected a YAML file");
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered within a second");
        }
    }

    @Test
    void extendsADeviceOrAnOversizedFile() throws Exception {
        validate("extends: /dev/zero\n" + TINY, 2, file() + ":1:10: extends: /dev/zero: is not a regular file");
        write("huge.yaml", "# " + "x".repeat(1_100_000) + "\n");
        validate("extends: huge.yaml\n" + TINY, 2, file() + ":1:10: extends: " + dir.resolve("huge.yaml")
                + ": is ", "a config is read only up to 1 MiB");
    }

    @Test
    void notANumberIsOutOfRange() throws Exception {
        validate(TINY.replace("data: {type: ring}", "data: {type: ring, std: .nan}"), 2,
                file() + ":2:25: data.std: '.nan' is out of range for data.std: must be a finite number > 0");
    }

    @Test
    void infinityIsOutOfRange() throws Exception {
        validate(TINY.replace("batch_size: 16", "batch_size: .inf"), 2,
                file() + ":5:34: trainer.batch_size: '.inf' is out of range for trainer.batch_size: expected an integer");
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "data.radius=-.inf"), 2,
                "gan: --set data.radius=-.inf: data.radius: '-.inf' is out of range for data.radius: "
                        + "must be a finite number > 0");
    }

    @Test
    void overrideOfAKeyTheFileDoesNotHaveIsBlamedOnTheOverride() throws Exception {
        String line = assertOneMessage(gan("validate", config(TINY).toString(), "--set", "trainer.hidden.0=1"), 2,
                "gan: --set trainer.hidden.0=1: trainer: unknown key 'hidden'; accepted keys here: [", "batch_size");
        assertFalse(line.contains(file()), line);
    }

    @Test
    void twoYamlDocumentsInOneFile() throws Exception {
        validate(TINY + "---\nseed: 2\n", 2, file() + ":9:1: a second YAML document starts at line 9 (after '---'); "
                + "one YAML document is accepted per config file");
    }

    // ---- input safety: IDX class count, image size bound

    @Test
    void idxLabelOutsideTheClasses() throws Exception {
        byte[] labels = idxLabels(20);
        labels[8 + 17] = (byte) 200; // sample 17 of a 10-class file labelled 200
        Path folder = idxFolder(idxImages(20, 8, 8, 0x00000803), labels);
        Path labelFile = folder.resolve("train-labels-idx1-ubyte.gz");
        train(withData("{type: idx, path: mnist}"), 1, "gan: data: " + labelFile + ": the labels run 0..200 but "
                + "class ids [10..199] have no sample, so the class count cannot be inferred; set the data's classes:");
        train(withData("{type: idx, path: mnist, classes: 10}"), 1, "gan: data: " + labelFile
                + ": label 200 (sample 17) is outside classes: 10; labels must be 0..9");
    }

    @Test
    void imageOverMaxPixels() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("faces"));
        Files.write(folder.resolve("a.png"), png(8));
        Files.write(folder.resolve("huge.png"), blackPng(20_000, 20_000));
        train(withData("{type: image-folder, path: faces, size: 8, channels: 1}"), 1, "gan: data: "
                + folder.resolve("huge.png") + ": the image is 20000×20000 = 400000000 pixels, more than max_pixels "
                + "40000000", "raise the data's max_pixels together with the heap");
    }

    /** A valid all-black 1-bit PNG: a few kilobytes on disk however many pixels its header announces. */
    private static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        pngChunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (OutputStream z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        pngChunk(out, "IDAT", idat.toByteArray());
        pngChunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void pngChunk(DataOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    // ---- input safety: gan sample's output file, --n and paths

    @Test
    void sampleOutWithAnExtensionThatIsNoImageFormat() throws Exception {
        Path keep = config(TINY);
        String before = Files.readString(keep);
        assertOneMessage(gan("sample", dir.toString(), "--out", keep.toString()), 1, "gan: --out " + keep
                + ": the format follows the extension; accepted: .png (PNG), .jpg or .jpeg (JPEG), got '.yaml'");
        assertEquals(before, Files.readString(keep), "the user's config is untouched");
        assertOneMessage(gan("sample", dir.toString(), "--out", dir.resolve("a.txt").toString()), 1,
                "gan: --out " + dir.resolve("a.txt") + ": the format follows the extension", "got '.txt'");
        assertFalse(Files.exists(dir.resolve("a.txt")));
    }

    @Test
    void sampleOutOverAFileItDidNotWrite() throws Exception {
        Path run = trainedRun("run");
        Path photo = dir.resolve("photo.png");
        Files.write(photo, png(4));
        byte[] before = Files.readAllBytes(photo);
        assertOneMessage(gan("sample", run.toString(), "--out", photo.toString()), 1, "gan: --out " + photo
                + " exists and is not an earlier output of gan sample (no 'gan4j sample' stamp); pass --overwrite to "
                + "replace it, or choose another --out");
        assertTrue(Arrays.equals(before, Files.readAllBytes(photo)), "the user's image is untouched");
        // Its own earlier output is replaced without asking; --overwrite replaces anything; JPEG by extension.
        Path jpeg = dir.resolve("grid.jpg");
        assertEquals(0, gan("sample", run.toString(), "--out", jpeg.toString()).code());
        assertEquals(0, gan("sample", run.toString(), "--out", jpeg.toString()).code());
        assertEquals(0xFFD8, ((Files.readAllBytes(jpeg)[0] & 0xFF) << 8) | (Files.readAllBytes(jpeg)[1] & 0xFF));
        assertEquals(0, gan("sample", run.toString(), "--out", photo.toString(), "--overwrite").code());
        assertFalse(Arrays.equals(before, Files.readAllBytes(photo)));
    }

    @Test
    void sampleMoreThanTheOutputHolds() throws Exception {
        Path run = trainedRun("run");
        long start = System.nanoTime();
        assertOneMessage(gan("sample", run.toString(), "--n", "100000000", "--out", dir.resolve("s.png").toString()), 1,
                "gan: --n 100000000 is more than a chart of 1-D or 2-D samples holds: at most 100000 points");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused within seconds");
        assertFalse(Files.exists(dir.resolve("s.png")));
    }

    @Test
    void samplePathErrorsNameTheUsersPath() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("grids"));
        assertOneMessage(gan("sample", dir.toString(), "--out", folder.toString()), 1,
                "gan: --out " + folder + " is a folder; name an image file, e.g. " + folder.resolve("samples.png"));
        Path file = write("notes.txt", "x");
        assertOneMessage(gan("sample", dir.toString(), "--out", file.resolve("s.png").toString()), 1,
                "gan: --out " + file.resolve("s.png") + " cannot be created: " + file + " is a file, not a folder");
        Path out = dir.resolve("s.png");
        assertOneMessage(gan("sample", dir.toString(), "--out", out.toString(), "--checkpoint",
                dir.resolve("gone.ckpt").toString()), 1, "gan: --checkpoint " + dir.resolve("gone.ckpt") + ": no such file");
        assertOneMessage(gan("sample", dir.toString(), "--out", out.toString(), "--checkpoint", folder.toString()), 1,
                "gan: --checkpoint " + folder + " is a folder; name a checkpoint file, e.g. " + folder.resolve("best.ckpt"));
    }

    // ---- input safety: settings that cannot fit in memory, refused at validate

    @Test
    void layersTooLargeForMemory() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "model.hidden=[1000000000,1000000000]"), 2,
                "gan: --set model.hidden=[1000000000,1000000000]: model: the networks would hold about 2.0e+18 "
                        + "parameters (estimated from the model's settings and samples of shape (2)), needing about ",
                "with gradients and optimizer state (16 bytes each); this machine has ", "use smaller layers");
        validate(TINY.replace("hidden: [8]", "hidden: [1000000000, 1000000000]"), 2,
                file() + ":3:8: model: the networks would hold about 2.0e+18 parameters");
    }

    @Test
    void batchTooLargeForMemory() throws Exception {
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "trainer.batch_size=2000000000"), 2,
                "gan: --set trainer.batch_size=2000000000: trainer.batch_size: a batch of 2000000000 samples of shape "
                        + "(2) takes about 14.9 GB as floats on the JVM heap, which holds at most ",
                "use a smaller batch_size (or a larger heap: GAN_JAVA_OPTS=-Xmx...)");
    }

    // ---- stabilizers (issue 15, training half)

    @Test
    void emaDecayOutsideTheOpenInterval() throws Exception {
        validate(TINY.replace("log_every: 5}", "log_every: 5, generator_ema: {decay: 1.5}}"), 2,
                file() + ":5:", "trainer.generator_ema.decay: must be in (0, 1) (0.999 is usual), got 1.5");
    }

    @Test
    void learningRateScheduleThatEndsBeforeItStarts() throws Exception {
        validate(TINY.replace("log_every: 5}",
                "log_every: 5, generator_lr_schedule: {shape: linear, decay_start: 8, decay_end: 4}}"), 2,
                file() + ":5:", "trainer.generator_lr_schedule: decay_end 4 is not after the decay's start 8 "
                        + "(decay_start); a schedule must end after it starts: give decay_end > 8");
    }

    @Test
    void unknownScheduleShapeOrGenerator() throws Exception {
        validate(TINY.replace("log_every: 5}", "log_every: 5, generator_lr_schedule: {shape: step}}"), 2,
                file() + ":5:", "trainer.generator_lr_schedule.shape", "expected one of [constant, linear, cosine]");
        validate(TINY.replace("eval: {samples: 50}", "eval: {samples: 50, generator: best}"), 2,
                file() + ":6:", "eval.generator", "expected one of [ema, raw]");
    }

    @Test
    void consistencyOnDataThatAreNotImages() throws Exception {
        train(config(TINY + "regularizers: [{type: consistency}]\n"), 1,
                "gan: regularizer consistency: consistency regularization augments images (N, C, H, W); these samples have shape (2)");
    }

    @Test
    void unknownDiffAugmentPolicy() throws Exception {
        validate(TINY + "augment: {type: diffaugment, policies: [color, rotate]}\n", 2, file() + ":8:",
                "augment.policies: 'rotate' is not a DiffAugment policy; expected any of color, translation, cutout");
    }

    @Test
    void augmentOnAConditionalRun() throws Exception {
        train(config(TINY.replace("data: {type: ring}", "data: {type: idx, split: test, limit: 64}")
                        .replace("model: {type: mlp, hidden: [8]}", "model: {type: dcgan, base_width: 8}")
                        + "task: {type: class-conditional}\naugment: {type: diffaugment}\n"), 1,
                "gan: augment: a conditional run (task:) cannot be augmented: T would change the target without its "
                        + "condition; remove augment: or task:");
    }

    // ---- conditioning and quality metrics (issue 16)

    @Test
    void projectionDiscriminatorWithoutLabels() throws Exception {
        train(config(TINY.replace("model: {type: mlp, hidden: [8]}",
                "model: {type: mlp, hidden: [8], discriminator_conditioning: projection}")), 1,
                "gan: model: discriminator_conditioning: projection needs class labels, but this run gives the mlp "
                        + "model none; use task: {type: class-conditional} with labelled data",
                "or discriminator_conditioning: concat");
    }

    @Test
    void auxiliaryClassifierOnUnlabelledData() throws Exception {
        train(config(TINY.replace("model: {type: mlp, hidden: [8]}",
                "model: {type: mlp, hidden: [8], discriminator_conditioning: auxiliary_classifier}")
                + "task: {type: class-conditional}\n"), 1,
                "gan: task: class-conditional needs labelled data", "use a data source with class labels");
    }

    @Test
    void kidSubsetLargerThanN() throws Exception {
        validate(TINY.replace("eval: {samples: 50}",
                "eval: {samples: 50, metrics: [{type: classifier-fd, n_real: 500, kid_subset_size: 1000}]}"), 2,
                file() + ":6:", "kid_subset_size: 1000 is larger than n_real (500) or n_fake (2000)",
                "use at most 500, or leave it out (1000 capped by n)");
    }

    @Test
    void intraClassFdWithFewerSamplesPerClassThanFeatures() throws Exception {
        validate(TINY.replace("eval: {samples: 50}",
                "eval: {samples: 50, metrics: [{type: classifier-fd, intra_class_n: 50}]}"), 2,
                file() + ":6:", "eval.metrics[0].intra_class_n: must be 0 (off) or at least 129 images per class "
                        + "(more than the 128 features, else each class's covariance is singular), got 50");
    }

    // ---- gan export and the Java API's exports (org.gan4j.library)

    @Test
    void exportFromAFolderThatIsNeitherARunNorAnExport() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertOneMessage(gan("export", plain.toString(), "--out", dir.resolve("g").toString()), 1,
                "gan: " + plain + " is neither a gan4j run directory (no gan4j-run.json) nor a generator export (no "
                        + "manifest.json); open a run directory, a checkpoint of one, or an export folder");
    }

    @Test
    void exportIntoANonEmptyFolderThatIsNotAnExport() throws Exception {
        Path run = trainedRun("run");
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        assertOneMessage(gan("export", run.toString(), "--out", mine.toString(), "--overwrite"), 1,
                "gan: export folder " + mine + " is not empty and is not a gan4j export (no manifest.json of format "
                        + "gan4j-generator); choose a new or empty folder with --out (--overwrite replaces only an export)");
        assertEquals("keep", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void exportOverAnExportWithoutOverwrite() throws Exception {
        Path run = trainedRun("run");
        Path g = dir.resolve("g");
        Outcome first = gan("export", run.toString(), "--out", g.toString());
        assertEquals(0, first.code(), first.stderr());
        assertTrue(first.stdout().contains("wrote " + g + " (mlp generator"), first.stdout());
        assertOneMessage(gan("export", run.toString(), "--out", g.toString()), 1,
                "gan: export folder " + g + " already holds an export; pass --overwrite to replace it, or choose "
                        + "another folder with --out");
        assertEquals(0, gan("export", run.toString(), "--out", g.toString(), "--overwrite").code());
    }

    // ---- engines

    @Test
    void unknownEngineName() throws Exception {
        validate("engine: tensorflow\n" + TINY, 2,
                "gan: " + file() + ":1:9: engine: unknown engine 'tensorflow'; accepted: [mxnet, pytorch]");
        assertOneMessage(gan("validate", config(TINY).toString(), "--set", "engine=torch"), 2,
                "gan: --set engine=torch: engine: unknown engine 'torch'; accepted: [mxnet, pytorch]");
    }

    @Test
    void sampleARunWhoseConfigNamesAnUnknownEngine() throws Exception {
        Path run = trainedRun("run");
        Path config = run.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replace("engine: mxnet", "engine: jax"));
        assertOneMessage(gan("sample", run.toString(), "--out", dir.resolve("s.png").toString()), 2,
                "gan: " + config + ":2:9: engine: unknown engine 'jax'; accepted: [mxnet, pytorch]");
        assertOneMessage(gan("sample", run.toString(), "--out", dir.resolve("s.png").toString(), "--engine", "jax"), 2,
                "engine: unknown engine 'jax'; accepted: [mxnet, pytorch]");
        assertFalse(Files.exists(dir.resolve("s.png")));
    }

    // ---- gan bench --master (gan-spark): checked before Spark starts

    @Test
    void benchMasterUrlMalformed() throws Exception {
        config(TINY);
        Path suite = write("suite.yaml", "base: exp.yaml\nmatrix: {seed: [1, 2]}\n");
        assertOneMessage(gan("bench", suite.toString(), "--out", dir.resolve("b").toString(), "--master",
                "spark:/127.0.0.1:7077"), 2, "gan: bench: --master 'spark:/127.0.0.1:7077' is not a Spark master URL; "
                        + "use spark://HOST:PORT[,HOST:PORT...], local, local[N], local[*], local[N,F] (N threads, F "
                        + "attempts per task), yarn or k8s://https://HOST:PORT; see 'gan bench --help'");
        assertFalse(Files.exists(dir.resolve("b")), "nothing written");
    }

    @Test
    void benchClusterUnreachable() throws Exception {
        config(TINY);
        Path suite = write("suite.yaml", "base: exp.yaml\nmatrix: {seed: [1, 2]}\n");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String master = "spark://127.0.0.1:" + port;
        long start = System.nanoTime();
        assertOneMessage(gan("bench", suite.toString(), "--out", dir.resolve("b").toString(), "--master", master), 1,
                "gan: cannot reach the Spark master of --master " + master + " at 127.0.0.1:" + port
                        + " (ConnectException", "); start it (see the README's cluster section) or correct --master");
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "refused within seconds, not after Spark's retries");
    }

    @Test
    void benchSharedDirNotWritableFromTheDriver() throws Exception {
        config(TINY);
        Path suite = write("suite.yaml", "base: exp.yaml\nmatrix: {seed: [1, 2]}\n");
        Path shared = write("notes.txt", "x").resolve("shared");
        assertOneMessage(gan("bench", suite.toString(), "--out", dir.resolve("b").toString(), "--master", "local[2]",
                "--shared-dir", shared.toString()), 1, "gan: --shared-dir " + shared + " is not writable from the driver (",
                "); give a directory every worker and this machine mount read-write at the same path");
        assertOneMessage(gan("bench", suite.toString(), "--shared-dir", shared.toString()), 2,
                "gan: bench: --shared-dir " + shared + " needs --master (local workers write into the bench directory)");
    }

    // ---- architectures: d_norm, spectral_norm, attention_at

    @Test
    void unknownDiscriminatorNorm() throws Exception {
        validate(TINY.replace("hidden: [8]", "hidden: [8], d_norm: group"), 2, file() + ":3:",
                "model.d_norm: 'group' is not accepted; expected one of [batch, layer, none]");
    }

    @Test
    void unknownSpectralNormTarget() throws Exception {
        validate(TINY.replace("hidden: [8]", "hidden: [8], spectral_norm: discriminator"), 2, file() + ":3:",
                "model.spectral_norm: 'discriminator' is not accepted; expected one of [d, g, both, none]");
    }

    @Test
    void attentionAtNotAResolutionOfTheNetwork() throws Exception {
        String dcgan = TINY.replace("data: {type: ring}", "data: {type: idx, split: test}")
                .replace("model: {type: mlp, hidden: [8]}", "model: {type: dcgan, base_width: 8, attention_at: 16}");
        // The image size is known once the data is open: train refuses it before the first step.
        train(config(dcgan), 1, "gan: model: attention_at 16 is not a resolution of dcgan's hidden feature maps for "
                + "28×28 images; use one of [7, 14] (or leave it unset)");
        train(config(dcgan.replace("type: dcgan, base_width: 8", "type: resnet")), 1,
                "gan: model: attention_at 16 is not a resolution of resnet's hidden feature maps for 28×28 images; "
                        + "use one of [7, 14] (or leave it unset)");
    }

    @Test
    void spectralNormOfAWeightThatStartsAtZero() throws Exception {
        String pix2pix = TINY.replace("data: {type: ring}", "data: {type: idx, split: test}\ntask: {type: super-resolution, factor: 2}")
                .replace("model: {type: mlp, hidden: [8]}", "model: {type: pix2pix, residual: true, spectral_norm: g}");
        validate(pix2pix, 2, "pix2pix's residual generator starts its output layer at zero weights, which spectral "
                + "norm cannot scale (σ = 0); use spectral_norm: d or none, or residual: false");
    }

    // ---- the gradient-penalty family

    @Test
    void regularizerPlacedAsALoss() throws Exception {
        validate(TINY.replace("loss: {type: non-saturating}", "loss: {type: gradient-penalty}"), 2, file() + ":4:",
                "loss.type: unknown type 'gradient-penalty'; registered: [",
                "; 'gradient-penalty' is a Regularizer: it goes under regularizers: [{type: ...}]");
    }

    @Test
    void lossPlacedAsARegularizer() throws Exception {
        validate(TINY + "regularizers: [{type: wasserstein}]\n", 2, file() + ":8:",
                "regularizers[0].type: unknown type 'wasserstein'; registered: [consistency, dragan, gradient-penalty, lecam, r1, r2]; "
                        + "'wasserstein' is an AdversarialLoss: it goes under loss:");
    }

    @Test
    void penaltyOnAnEngineWithoutSecondDerivatives() throws Exception {
        for (String[] penalty : new String[][] {{"gradient-penalty", "gradient_penalty"}, {"r1", "r1"}, {"r2", "r2"},
                {"dragan", "dragan"}}) {
            validate(TINY + "regularizers: [{type: " + penalty[0] + "}]\n", 2, file() + ":8:16:",
                    "regularizers[0]: regularizer '" + penalty[1] + "' needs the input gradient of D (second derivatives),"
                            + " which the mxnet engine does not provide; set engine: pytorch");
        }
    }
    // ---- PacGAN packing (trainer.packing)

    /** TINY packed by {@code m}: the trainer line with packing and any further trainer keys. */
    private static String packed(int m, String moreTrainerKeys) {
        return TINY.replace("log_every: 5}", "log_every: 5, packing: " + m + moreTrainerKeys + "}");
    }

    @Test
    void packingBelowOne() throws Exception {
        validate(packed(0, ""), 2, file() + ":5:", "trainer.packing: must be a positive integer, got 0");
    }

    @Test
    void unknownPackingBatch() throws Exception {
        validate(packed(2, ", packing_batch: pairs"), 2, file() + ":5:",
                "trainer.packing_batch: 'pairs' is not accepted; expected one of [packs, samples]");
    }

    @Test
    void packedBatchNotAMultipleOfThePacking() throws Exception {
        validate(packed(3, ", packing_batch: samples"), 2, file() + ":5:",
                "trainer.batch_size: 16 is not a multiple of trainer.packing 3 (packing_batch: samples splits the "
                        + "batch into packs of m); use a multiple of 3 or packing_batch: packs");
    }

    @Test
    void packingWithAConditionalTask() throws Exception {
        validate(packed(2, "").replace("data: {type: ring}", "data: {type: idx, split: test}")
                        + "task: {type: class-conditional}\n", 2, file() + ":8:",
                "task: trainer.packing is 2, but packing applies to unconditional runs only (a pack has no one "
                        + "condition); remove task: or set trainer.packing: 1");
    }

    @Test
    void packingWithAMetricThatJudgesSingleSamples() throws Exception {
        validate(packed(2, "").replace("eval: {samples: 50}", "eval: {samples: 50, metrics: [{type: saturation}]}"),
                2, file() + ":6:", "eval.metrics[0]: metric 'saturation' evaluates D on single samples, which a "
                        + "packed D (trainer.packing is 2) never judges; remove the metric or set trainer.packing: 1");
        validate(packed(4, "").replace("data: {type: ring}", "data: {type: gaussian}").replace("eval: {samples: 50}",
                "eval: {samples: 50, metrics: [{type: mixture-quality}, {type: optimal-discriminator}]}"), 2,
                "eval.metrics[1]: metric 'optimal-discriminator' evaluates D on single samples");
    }

    @Test
    void packingWithAnInputGradientPenalty() throws Exception {
        validate("engine: pytorch\n" + packed(2, "") + "regularizers: [{type: r1}]\n", 2, file() + ":9:",
                "regularizers[0]: regularizer 'r1' penalises the input gradient of D per sample, which a packed D "
                        + "(trainer.packing is 2) only has per pack; remove it or set trainer.packing: 1 (lecam and "
                        + "consistency work with packing)");
    }

    @Test
    void unknownClassifierFdRealFrom() throws Exception {
        validate(TINY.replace("eval: {samples: 50}",
                "eval: {samples: 50, metrics: [{type: classifier-fd, real_from: all}]}"), 2,
                file() + ":6:", "eval.metrics[0].real_from: 'all' is not accepted; expected one of [run, train_data]");
    }

    @Test
    void discriminatorOverfitWithoutHeldOut() throws Exception {
        validate(TINY.replace("eval: {samples: 50}", "eval: {samples: 50, metrics: [{type: discriminator-overfit}]}"), 2,
                file() + ":6:", "eval.metrics[0]: held_out: required; a data section with type: holding real images the "
                        + "run does not train on (e.g. {type: idx, split: test} for a run on a few of them)");
    }

    @Test
    void soakPenaltyOnAnotherEngine() {
        assertOneMessage(gan("perf", "--soak-penalty", "--engine", "mxnet"), 2, "gan: perf: --soak-penalty runs on the "
                + "pytorch engine (the gradient penalty needs second derivatives); drop --engine mxnet");
    }

    @Test
    void negativeInitStd() throws Exception {
        validate(TINY.replace("hidden: [8]}", "hidden: [8], init_std: -0.02}"), 2, file() + ":3:43:",
                "model.init_std: must be a finite number > 0, got -0.02");
    }
}
