package org.gan4j.api.engine;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the {@link GanEngine} modules on the class path and selects the process's one engine. MXNet and
 * libtorch bring different OpenMP runtimes, so a process uses one engine: {@link #select} sets DJL's
 * default engine before its first use, and every manager and collector comes from it.
 */
public final class GanEngines {
    /** The engine a config without {@code engine:} runs on. */
    public static final String DEFAULT = "mxnet";
    /** DJL's system property naming its default engine. */
    static final String DJL_DEFAULT_ENGINE = "ai.djl.default_engine";

    private static String selected; // the engine select() chose in this process

    private GanEngines() {}

    /** Every engine module on the class path by its config name, sorted. */
    public static Map<String, GanEngine> available() {
        return Modules.BY_NAME;
    }

    /** The modules found once: the class path does not change while the process runs. */
    private static final class Modules {
        static final Map<String, GanEngine> BY_NAME = load();

        private static Map<String, GanEngine> load() {
            Map<String, GanEngine> byName = new TreeMap<>();
            for (GanEngine engine : ServiceLoader.load(GanEngine.class, GanEngines.class.getClassLoader())) {
                byName.put(engine.name(), engine);
            }
            return Collections.unmodifiableMap(byName);
        }
    }

    /** The config names accepted for {@code engine:}. */
    public static List<String> names() {
        return new ArrayList<>(available().keySet());
    }

    /**
     * The engine module of config name {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static GanEngine byName(String name) {
        GanEngine engine = available().get(name);
        if (engine == null) {
            throw new IllegalArgumentException("engine: unknown engine '" + name + "'; accepted: " + names());
        }
        return engine;
    }

    /** The engine module of DJL's engine in use in this process (its default engine). */
    public static GanEngine current() {
        String djlName = Engine.getDefaultEngineName();
        for (GanEngine engine : available().values()) {
            if (engine.djlEngineName().equals(djlName)) {
                return engine;
            }
        }
        throw new IllegalStateException("no gan4j engine module for DJL engine '" + djlName + "' on the class path"
                + " (gan-engine-mxnet or gan-engine-pytorch); modules present: " + names());
    }

    /**
     * Makes {@code name} this process's engine and loads its native library.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException when another engine is already in use in this process
     * @throws EngineLoadException when the native library does not load
     */
    public static GanEngine select(String name) {
        GanEngine engine = byName(name);
        synchronized (GanEngines.class) {
            if (selected != null && !selected.equals(name)) {
                throw new IllegalStateException("engine: this process already runs on " + selected + "; one engine"
                        + " per process (their OpenMP runtimes differ): start a new process for engine '" + name + "'");
            }
            selected = name;
        }
        System.setProperty(DJL_DEFAULT_ENGINE, engine.djlEngineName());
        try {
            Engine.getEngine(engine.djlEngineName());
        } catch (RuntimeException | LinkageError e) {
            synchronized (GanEngines.class) {
                selected = null;
            }
            throw new EngineLoadException("engine: the " + name + " engine's native library failed to load ("
                    + firstLine(e) + "); check that " + engine.nativeArtifact() + " is on the class path"
                    + " (gan-cli/target/lib) and that DJL_CACHE_DIR (default ~/.djl.ai) is writable", e);
        }
        return engine;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
