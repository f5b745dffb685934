package org.gan4j.core.plugin;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.api.plugin.SectionDefault;
import org.gan4j.api.plugin.Variant;
import org.gan4j.api.train.TrainingListener;

/**
 * Every plugin found through {@link ServiceLoader}, assembled into one Guice injector, and the
 * named variants they register. Two variants of the same kind and name are an error naming both.
 */
public final class PluginRegistry {
    private final Injector injector;
    private final List<Variant> variants;
    private final List<GanPlugin> plugins;
    private final Map<Class<?>, SectionDefault> defaults;

    private PluginRegistry(Injector injector, List<Variant> variants, List<GanPlugin> plugins,
            Map<Class<?>, SectionDefault> defaults) {
        this.injector = injector;
        this.variants = variants;
        this.plugins = plugins;
        this.defaults = defaults;
    }

    /** Discovers the plugins visible to {@code loader} and builds the injector with {@code extra} modules. */
    public static PluginRegistry discover(ClassLoader loader, Module... extra) {
        return discover(loader, List.of(), extra);
    }

    /**
     * Discovers the plugins visible to {@code loader} and those of every jar in {@code pluginFolders}
     * (each jar in a class loader of its own), and builds the injector with {@code extra} modules.
     */
    public static PluginRegistry discover(ClassLoader loader, List<Path> pluginFolders, Module... extra) {
        List<GanPlugin> plugins = new ArrayList<>();
        for (GanPlugin plugin : ServiceLoader.load(GanPlugin.class, loader)) {
            plugins.add(plugin);
        }
        plugins.addAll(PluginJars.load(pluginFolders, loader));
        List<Module> modules = new ArrayList<>(plugins);
        modules.addAll(List.of(extra));
        Injector injector = Guice.createInjector(modules);
        Set<Variant> registered = injector.getInstance(Key.get(new TypeLiteral<Set<Variant>>() {}));
        List<Variant> sorted = new ArrayList<>(registered);
        sorted.sort(Comparator.comparing((Variant v) -> v.kind().getSimpleName()).thenComparing(Variant::name));
        rejectDuplicates(sorted);
        Map<Class<?>, SectionDefault> defaults = SectionDefaults.byKind(
                injector.getInstance(Key.get(new TypeLiteral<Set<SectionDefault>>() {})), sorted);
        return new PluginRegistry(injector, List.copyOf(sorted), List.copyOf(plugins), defaults);
    }

    private static void rejectDuplicates(List<Variant> variants) {
        Map<String, Variant> seen = new HashMap<>();
        for (Variant v : variants) {
            String key = v.kind().getSimpleName() + "/" + v.name();
            Variant before = seen.putIfAbsent(key, v);
            if (before != null && !before.implementation().equals(v.implementation())) {
                throw new PluginLoadException(String.format(
                        "two plugins register the %s '%s': %s (from %s) and %s (from %s)",
                        v.kind().getSimpleName(), v.name(),
                        before.implementation().getName(), origin(before.implementation()),
                        v.implementation().getName(), origin(v.implementation())));
            }
        }
    }

    /** Where a class was loaded from: its jar or classes folder, for messages and {@code gan plugins}. */
    public static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown location" : location.getPath();
    }

    /** Whether {@code type} came from an external plugin jar rather than the framework's class path. */
    public static boolean external(Class<?> type) {
        return type.getClassLoader() != null && type.getClassLoader().getName() != null
                && type.getClassLoader().getName().startsWith("plugin:");
    }

    /** All registered variants, sorted by kind and name. */
    public List<Variant> variants() {
        return variants;
    }

    /** The variants of one kind. */
    public List<Variant> variants(Class<?> kind) {
        return variants.stream().filter(v -> v.kind().equals(kind)).toList();
    }

    /** The always-on listeners plugins contributed. */
    public Collection<TrainingListener> listeners() {
        return injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() {}));
    }

    /** The default variant of each defaulted kind, as the plugins declared them. */
    public Map<Class<?>, SectionDefault> defaults() {
        return defaults;
    }

    public List<GanPlugin> plugins() {
        return plugins;
    }

    public Injector injector() {
        return injector;
    }
}
