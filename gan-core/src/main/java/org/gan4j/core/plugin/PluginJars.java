package org.gan4j.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.gan4j.api.plugin.GanPlugin;

/**
 * Loads the plugins of external jars: every {@code *.jar} of a plugins folder gets its own class
 * loader (parent: the framework's, so it sees gan-api and DJL), and only the {@link GanPlugin}s that
 * jar itself declares are taken.
 */
final class PluginJars {
    private PluginJars() {}

    static List<GanPlugin> load(List<Path> folders, ClassLoader parent) {
        List<GanPlugin> plugins = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new PluginLoadException("plugins folder " + folder + " does not exist or is not a folder");
            }
            for (Path jar : jars(folder)) {
                plugins.addAll(loadJar(jar, parent));
            }
        }
        return plugins;
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot list plugins folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<GanPlugin> loadJar(Path jar, ClassLoader parent) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("META-INF/services/" + GanPlugin.class.getName()) == null) {
                throw new PluginLoadException("plugin jar " + jar + " declares no plugin: it lacks META-INF/services/"
                        + GanPlugin.class.getName());
            }
        } catch (IOException e) {
            throw new PluginLoadException("plugin jar " + jar + " could not be loaded: not a readable jar ("
                    + e.getMessage() + ")", e);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new PluginLoadException("plugin jar " + jar + " has no valid URL: " + e.getMessage(), e);
        }
        try {
            List<GanPlugin> found = ServiceLoader.load(GanPlugin.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader) // the built-ins are visible through the parent
                    .map(ServiceLoader.Provider::get)
                    .map(GanPlugin.class::cast)
                    .toList();
            if (found.isEmpty()) {
                throw new PluginLoadException("plugin jar " + jar + " lists no plugin class of its own in "
                        + "META-INF/services/" + GanPlugin.class.getName());
            }
            return found;
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginLoadException("plugin jar " + jar + " could not be loaded: " + cause, e);
        }
    }
}
