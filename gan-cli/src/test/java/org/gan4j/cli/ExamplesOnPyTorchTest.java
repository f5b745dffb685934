package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example config trains on the PyTorch engine for two steps, records the engine, and samples from its
 * checkpoint. Runs in surefire's {@code pytorch} execution (a JVM whose DJL engine is PyTorch). The
 * classifier-FD metric is left out here (it trains a classifier, about a minute); it runs on PyTorch by hand:
 * {@code bin/gan train examples/dcgan-fashion.yaml --set engine=pytorch --set trainer.steps=2}.
 */
class ExamplesOnPyTorchTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeAll
    static void onPyTorch() {
        assumeTrue("PyTorch".equals(Engine.getDefaultEngineName()), "runs in the PyTorch test JVM");
    }

    static Stream<Path> examples() throws Exception {
        try (var walk = Files.walk(EXAMPLES)) {
            return walk.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("plugin-example"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void trainsTwoStepsAndSamplesOnPyTorch(Path example) throws Exception {
        Path run = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", example.toString(), "--out", run.toString(),
                "--set", "engine=pytorch", "--set", "trainer.steps=2", "--set", "eval.every=0",
                "--set", "output.plots=false", "--set", "checkpoint.every=2"));
        if (Files.readString(example).contains("classifier-fd")) {
            args.addAll(List.of("--set", "eval.metrics=[]"));
        }
        assertEquals(0, cli(args.toArray(String[]::new)), example.toString());
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"engine\" : \"pytorch\""));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"steps\" : 2"));
        Path png = dir.resolve("samples.png");
        assertEquals(0, cli("sample", run.toString(), "--n", "16", "--out", png.toString()), example + " sample");
        assertTrue(Files.size(png) > 0);
    }

    private static int cli(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            int code = GanCli.run(args);
            if (code != 0) {
                old.println(err);
            }
            return code;
        } finally {
            System.setErr(old);
        }
    }
}
