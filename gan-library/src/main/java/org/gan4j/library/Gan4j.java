package org.gan4j.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gan4j.core.GanFramework;

/**
 * The entry point of gan4j as a library: experiments from YAML or from code, trained generators, exports.
 * One instance holds the discovered plugins; it is cheap to keep and safe to share between threads (the
 * objects it creates are not).
 *
 * <pre>{@code
 * Gan4j gan = Gan4j.discover();
 * TrainingResult r = gan.experiment(Path.of("examples/ring8.yaml"))
 *         .set("trainer.steps", 500).outDir(Path.of("runs/ring-api")).train();
 * try (TrainedGenerator g = gan.openGenerator(r.runDir())) {
 *     float[][] points = g.generate(100, 7);
 * }
 * }</pre>
 */
public final class Gan4j {
    private static final String VERSION = readVersion();
    private final GanFramework framework;

    private Gan4j(GanFramework framework) {
        this.framework = framework;
    }

    /** Finds every plugin on the class path (the built-in ones included). */
    public static Gan4j discover() {
        return new Gan4j(GanFramework.discover(Gan4j.class.getClassLoader()));
    }

    /** Finds the plugins on the class path and those of every jar in {@code pluginFolders}. */
    public static Gan4j discover(List<Path> pluginFolders) {
        return new Gan4j(GanFramework.discover(pluginFolders));
    }

    /** An experiment read from a YAML file (its {@code extends} followed); override keys before training. */
    public Experiment experiment(Path yaml) {
        return new Experiment(framework, yaml);
    }

    /** A config built in code, section by section, without a YAML file; the same strict checks apply. */
    public ExperimentBuilder newExperiment(String name) {
        return new ExperimentBuilder(framework, name);
    }

    /**
     * Opens a trained generator: a run directory (its newest valid checkpoint), a checkpoint file of a run
     * ({@code RUN/checkpoints/step-N.ckpt}, {@code best.ckpt}) or an export folder.
     *
     * @throws NotAGeneratorException when the path is none of these
     * @throws ExportVersionException when the export was written by a newer gan4j
     * @throws InvalidExportException when the export's files are damaged or do not fit its architecture
     */
    public TrainedGenerator openGenerator(Path path) {
        return TrainedGenerator.open(path, framework, null);
    }

    /**
     * As {@link #openGenerator(Path)}, on the named engine ({@code mxnet} or {@code pytorch}, whose module must
     * be on the class path). Without a name a run opens on the engine it trained on and an export on the
     * engine {@code ai.djl.default_engine} names, else {@code mxnet}. A process runs one engine: naming another
     * than the one already in use is a {@link GeneratorException}.
     */
    public TrainedGenerator openGenerator(Path path, String engine) {
        return TrainedGenerator.open(path, framework, engine);
    }

    /** The gan4j version of these jars (as in the manifests of exports). */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Gan4j.class.getResourceAsStream("gan4j-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
