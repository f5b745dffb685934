package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds examples/plugin-example (its sources, against gan-api only) into a jar, drops it into a plugins
 * folder and trains an experiment naming its loss and metric — no file of the framework changed.
 */
class ExternalPluginTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "plugin-example").toAbsolutePath().normalize();
    private static Path jar;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildTheExamplePlugin(@TempDir Path build) throws Exception {
        Path classes = Files.createDirectories(build.resolve("classes"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        // Compile against gan-api and its dependencies only, as the example's pom does.
        String apiOnly = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("gan-core") && !e.contains("gan-losses") && !e.contains("gan-models")
                        && !e.contains("gan-datasets") && !e.contains("gan-cli") && !e.contains("gan-metrics"))
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiOnly, "--release", "17"));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javac.run(null, log, log, args.toArray(String[]::new));
        assertEquals(0, rc, "the example plugin compiles against gan-api alone:\n" + log);
        jar = build.resolve("gan4j-plugin-example-1.0.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, EXAMPLE.resolve("src/main/resources"));
        }
    }

    private static void add(JarOutputStream jarOut, Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) jarOut);
                jarOut.closeEntry();
            }
        }
    }

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

    private Path pluginsWith(String... names) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String name : names) {
            Files.copy(jar, plugins.resolve(name));
        }
        return plugins;
    }

    @Test
    void trainsWithTheJarsLossAndMetric() throws Exception {
        Path plugins = pluginsWith("example.jar");
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, """
                seed: 4
                data: {type: ring, radius: 2.0, std: 0.05}
                model: {type: mlp, hidden: [32, 32]}
                loss: {type: relativistic-average}
                trainer: {steps: 300, batch_size: 64, log_every: 100}
                eval: {metrics: [{type: moment-gap, samples: 500}]}
                """);
        Path run = dir.resolve("run");
        int code = GanCli.run("--plugins", plugins.toString(), "train", config.toString(), "--out", run.toString());
        assertEquals(0, code, err.toString());
        String summary = Files.readString(run.resolve("summary.json"));
        assertTrue(summary.contains("\"moment_gap_mean\"") && summary.contains("\"moment_gap_std\""), summary);
        // Without the jar the same config names an unknown type.
        assertEquals(2, GanCli.run("validate", config.toString()));
        assertTrue(err.toString().contains("unknown type 'relativistic-average'"), err.toString());
    }

    @Test
    void pluginsCommandShowsWhereEachVariantCameFrom() throws Exception {
        Path plugins = pluginsWith("example.jar");
        assertEquals(0, GanCli.run("--plugins", plugins.toString(), "plugins"));
        String text = out.toString();
        int at = text.indexOf("relativistic-average");
        assertTrue(at >= 0, text);
        assertTrue(text.substring(at).contains("from plugin jar " + plugins.resolve("example.jar")), text);
        assertTrue(text.contains("built-in gan-losses"), text);
        assertTrue(text.contains("moment-gap") && text.contains("samples"), text);
    }

    @Test
    void twoJarsRegisteringTheSameNameAreAnErrorNamingBoth() throws Exception {
        Path plugins = pluginsWith("a.jar", "b.jar");
        assertEquals(1, GanCli.run("--plugins", plugins.toString(), "plugins"));
        String message = err.toString();
        assertTrue(message.contains("'moment-gap'") || message.contains("'relativistic-average'"), message);
        assertTrue(message.contains(plugins.resolve("a.jar").toString()), message);
        assertTrue(message.contains(plugins.resolve("b.jar").toString()), message);
    }

    @Test
    void aJarThatCannotBeLoadedIsReportedByPath() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        assertEquals(1, GanCli.run("--plugins", plugins.toString(), "plugins"));
        assertTrue(err.toString().contains("plugin jar " + plugins.resolve("broken.jar") + " could not be loaded"),
                err.toString());
        assertEquals(1, GanCli.run("--plugins", dir.resolve("missing").toString(), "plugins"));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
