package org.gan4j.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/java-api} as a user would, with Maven, against the freshly packaged modules, and runs
 * it: it trains a small DCGAN from code, exports it, loads the export and writes a grid.
 *
 * <p>The modules (their jars and poms), the parent pom and gan4j-bom are laid out in a temporary local
 * repository; every other artifact comes from the user's local repository through symbolic links (Maven
 * 3.8 has no tail repository), offline. Runs after {@code package} (failsafe), so every module's jar exists.
 */
class JavaApiExampleIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String VERSION = "0.1.0-SNAPSHOT";
    /** The modules the example's dependency on gan-library pulls in. */
    static final List<String> MODULES = List.of("gan-api", "gan-engine-mxnet", "gan-core", "gan-losses", "gan-optimizers", "gan-models",
            "gan-datasets", "gan-metrics", "gan-conditional", "gan-library");

    @TempDir
    Path tmp;

    @Test
    void exampleBuildsWithTheBomTrainsExportsAndWritesAGrid() throws Exception {
        Path repo = localRepository(tmp.resolve("repo"));
        Path project = tmp.resolve("java-api");
        copyTree(ROOT.resolve("examples/java-api"), project);

        run(project, 300, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + repo, "package", "-DskipTests");
        assertTrue(Files.isRegularFile(project.resolve("target/lib/gan-library-" + VERSION + ".jar")),
                "gan-library came through the BOM's version");

        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = run(project, 300, java, "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-Xmx1g", "-cp",
                "target/classes:target/lib/*", "com.example.gan4j.TrainExportSample", out.toString(), "20");
        assertTrue(output.contains("trained 20 steps"), output);
        assertTrue(Files.isRegularFile(out.resolve("export/manifest.json")), output);
        BufferedImage grid = ImageIO.read(out.resolve("grid.png").toFile());
        assertTrue(grid.getWidth() >= 6 * 28 && grid.getHeight() >= 6 * 28, grid.getWidth() + "x" + grid.getHeight());
        assertTrue(Files.isRegularFile(out.resolve("interpolation.png")));
    }

    /** A local repository: gan4j's freshly built artifacts, and links to everything else the user has. */
    static Path localRepository(Path repo) throws IOException {
        Path user = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.createDirectories(repo.resolve("org"));
        try (Stream<Path> top = Files.list(user)) {
            for (Path p : top.toList()) {
                if (!p.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
        }
        try (Stream<Path> org = Files.list(user.resolve("org"))) {
            for (Path p : org.toList()) {
                if (!p.getFileName().toString().equals("gan4j")) {
                    Files.createSymbolicLink(repo.resolve("org").resolve(p.getFileName().toString()), p);
                }
            }
        }
        install(repo, "gan4j-parent", ROOT.resolve("pom.xml"), null);
        install(repo, "gan4j-bom", ROOT.resolve("gan4j-bom/pom.xml"), null);
        for (String module : MODULES) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " is missing: this test runs after package (mvn verify)");
            install(repo, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
        return repo;
    }

    private static void install(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("org/gan4j").resolve(artifact).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.toString().startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String run(Path dir, int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Path log = Files.createTempFile(dir, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(done, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + output);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
