package org.gan4j.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.gan4j.core.StopSignal;
import org.gan4j.core.config.ConfigLoader;

/**
 * One experiment to train: a config file, key overrides (as {@code gan train --set}), listeners and where
 * the run goes. Not thread-safe, except {@link #cancel()}, which is meant to be called from another thread.
 */
public final class Experiment {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GanFramework framework;
    private final Path config;
    private final List<String> overrides = new ArrayList<>();
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final StopSignal stop = new StopSignal();
    private Path outDir;
    private boolean overwrite;
    private Path resumeDir;

    Experiment(GanFramework framework, Path config) {
        this.framework = framework;
        this.config = config;
    }

    /**
     * Overrides one key, like {@code --set key=value}: a String is read as YAML ({@code "[64, 64]"} is a
     * list), anything else (numbers, booleans, lists, maps) is written as JSON first.
     */
    public Experiment set(String key, Object value) {
        overrides.add(key + "=" + yamlOf(value));
        return this;
    }

    static String yamlOf(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as a config value: " + e.getMessage(), e);
        }
    }

    /** Adds a listener that sees the run's start, every logged step, every evaluation and the end. */
    public Experiment listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The run directory (default: the config's {@code output.dir}, else {@code runs/<config name>}). */
    public Experiment outDir(Path dir) {
        this.outDir = dir;
        return this;
    }

    /** Replace an earlier run in the output directory (only what a run writes). */
    public Experiment overwrite(boolean replace) {
        this.overwrite = replace;
        return this;
    }

    /** Continue the run in {@code runDir} from its newest valid checkpoint instead of starting a new one. */
    public Experiment resume(Path runDir) {
        this.resumeDir = runDir;
        return this;
    }

    /**
     * Loads and checks the config with the overrides applied, without training; the resolved YAML (every
     * default filled in) is returned.
     *
     * @throws org.gan4j.core.config.ConfigException naming the file, line, key and what is accepted
     */
    public String validate() {
        ConfigLoader loader = framework.configLoader();
        return loader.toYaml(loader.load(config, overrides).config());
    }

    /**
     * Trains to the step target and writes every output into the run directory. Returns early, with
     * {@link TrainingResult#interrupted()} set and a checkpoint written, after {@link #cancel()} or SIGINT.
     */
    public TrainingResult train() {
        ConfigLoader.Loaded loaded = framework.configLoader().load(config, overrides);
        RunOptions options = new RunOptions(outDir, overwrite, false, resumeDir, listeners);
        ExperimentRunner.Result r = framework.runner().run(loaded, options, stop);
        return new TrainingResult(r.runDir(), r.summary(), r.interrupted());
    }

    /**
     * Asks the run to stop, from any thread: it finishes its current step, writes a checkpoint and
     * {@link #train()} returns as interrupted, as on SIGINT. Called before {@code train()}, the run stops
     * after its first step.
     */
    public void cancel() {
        stop.request();
    }
}
