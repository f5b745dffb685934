package org.gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** Compiles one plugin class against gan-api alone and packs it, with its ServiceLoader entry, into a jar. */
final class TestPluginJar {
    private TestPluginJar() {}

    /** Builds {@code jar} holding {@code className} (in the default package) compiled from {@code source}. */
    static Path build(Path jar, String className, String source) throws Exception {
        Path work = Files.createTempDirectory(jar.getParent(), "plugin-build");
        Path file = Files.writeString(work.resolve(className + ".java"), source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, log, log, "-d", classes.toString(), "-cp",
                String.join(java.io.File.pathSeparator, ExternalPluginTest.apiClassPath()), "--release", "17",
                file.toString());
        assertEquals(0, rc, "the test plugin compiles:\n" + log);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(className + ".class"));
            out.write(Files.readAllBytes(classes.resolve(className + ".class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/org.gan4j.api.plugin.GanPlugin"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
