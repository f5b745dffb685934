package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.gan4j.api.plugin.GanPlugin;
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
        String apiOnly = String.join(java.io.File.pathSeparator, apiClassPath());
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

    /**
     * gan-api's classes and exactly its own compile dependencies (listed by gan-api's build in
     * target/api-classpath.txt); fails if any entry holds another project module's classes.
     */
    static List<String> apiClassPath() throws Exception {
        Path api = Path.of(GanPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path listed = Path.of("..", "gan-api", "target", "api-classpath.txt").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(listed), listed + " is missing: build gan-api in the same reactor (-am)");
        List<String> entries = new ArrayList<>(List.of(api.toString()));
        for (String dependency : Files.readString(listed).trim().split(java.io.File.pathSeparator)) {
            if (!dependency.isEmpty()) {
                entries.add(dependency);
            }
        }
        for (String entry : entries) {
            assertTrue(Files.exists(Path.of(entry)), "class-path entry " + entry + " does not exist");
            String other = otherProjectClass(Path.of(entry));
            assertNull(other, "the example must compile against gan-api alone, but " + entry
                    + " holds the project class " + other);
        }
        return entries;
    }

    /** A class of a project module other than gan-api inside {@code entry} (a folder or a jar), or null. */
    private static String otherProjectClass(Path entry) throws Exception {
        if (Files.isDirectory(entry)) {
            Path project = entry.resolve("org/gan4j");
            if (!Files.isDirectory(project)) {
                return null;
            }
            try (Stream<Path> files = Files.walk(project)) {
                return files.map(f -> entry.relativize(f).toString().replace('\\', '/'))
                        .filter(ExternalPluginTest::isOtherProjectClass).findFirst().orElse(null);
            }
        }
        try (JarFile jarFile = new JarFile(entry.toFile())) {
            return jarFile.stream().map(JarEntry::getName)
                    .filter(ExternalPluginTest::isOtherProjectClass).findFirst().orElse(null);
        }
    }

    private static boolean isOtherProjectClass(String name) {
        return name.startsWith("org/gan4j/") && !name.startsWith("org/gan4j/api/") && name.endsWith(".class");
    }

    @Test
    void theExampleIsCompiledAgainstGanApiAndItsDependenciesOnly() throws Exception {
        List<String> entries = apiClassPath();
        assertTrue(entries.get(0).contains("gan-api"), entries.get(0));
        assertTrue(entries.stream().anyMatch(e -> e.contains("guice")), "gan-api's own dependencies: " + entries);
        // jackson-databind is on this test's class path through gan-core, but gan-api does not depend on it
        assertTrue(entries.stream().noneMatch(e -> e.contains("jackson-databind")), entries.toString());
        assertNotNull(otherProjectClass(Path.of(GanCli.class.getProtectionDomain().getCodeSource().getLocation().toURI())),
                "the check sees a project module's classes");
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
