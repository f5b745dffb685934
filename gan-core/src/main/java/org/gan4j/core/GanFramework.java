package org.gan4j.core;

import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.plugin.PluginRegistry;

/** The assembled framework: plugins discovered, config loading and the runner wired by Guice. */
public final class GanFramework {
    private final PluginRegistry plugins;

    private GanFramework(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** Discovers every plugin visible to {@code loader} (the built-in ones and any on its class path). */
    public static GanFramework discover(ClassLoader loader) {
        return new GanFramework(PluginRegistry.discover(loader, new CoreModule()));
    }

    /** Discovers the built-in plugins and those of every jar in {@code pluginFolders}. */
    public static GanFramework discover(java.util.List<java.nio.file.Path> pluginFolders) {
        return new GanFramework(PluginRegistry.discover(GanFramework.class.getClassLoader(), pluginFolders,
                new CoreModule()));
    }

    /** Discovers the plugins on this class's own class path. */
    public static GanFramework discover() {
        return discover(GanFramework.class.getClassLoader());
    }

    public PluginRegistry plugins() {
        return plugins;
    }

    public ConfigLoader configLoader() {
        return plugins.injector().getInstance(ConfigLoader.class);
    }

    public Sampler sampler() {
        return plugins.injector().getInstance(Sampler.class);
    }

    public ExperimentRunner runner() {
        return plugins.injector().getInstance(ExperimentRunner.class);
    }
}
