package org.gan4j.core.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.core.RunException;
import org.gan4j.core.checkpoint.CheckpointStore;
import org.gan4j.api.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a run folder: prepares a new run, opens one to resume or to sample, and reads and
 * writes the files of the contract ({@link org.gan4j.core.run package doc}).
 */
public final class RunDirectory {
    /** The run-directory format this code writes. */
    public static final int FORMAT_VERSION = 1;
    /** The format of runs written before the marker existed: {@code config.yaml} + {@code run.json}. */
    public static final int LEGACY_FORMAT = 0;

    public static final String MARKER = "gan4j-run.json";
    public static final String CONFIG = "config.yaml";
    public static final String FACTS = "run.json";
    public static final String SUMMARY = "summary.json";
    public static final String EVALUATION = "evaluation.json";
    public static final String METRICS = "metrics.csv";
    public static final String EVALS = "eval.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LOSSES_CHART = "losses.png";
    public static final String DISCRIMINATOR_CHART = "discriminator.png";
    public static final String SAMPLES = "samples.png";

    /** Files and folders of the contract, removed by {@code --overwrite} (with {@link #STEP_SAMPLES}). */
    static final List<String> CONTRACT = List.of(MARKER, CONFIG, FACTS, SUMMARY, EVALUATION, METRICS, EVALS,
            CHECKPOINTS, LOSSES_CHART, DISCRIMINATOR_CHART, SAMPLES);
    /** {@code samples-step000120.png}: the sample grid of one evaluation. */
    static final Pattern STEP_SAMPLES = Pattern.compile("samples-step\\d+\\.png");

    private static final Logger LOG = LoggerFactory.getLogger("gan.run");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;
    private final int formatVersion;
    /** Top-level entries that are neither the contract's nor recorded outputs: the user's, never listed. */
    private final Set<String> foreign;

    private RunDirectory(Path dir, int formatVersion) {
        this.dir = dir;
        this.formatVersion = formatVersion;
        Set<String> present = entries(dir);
        present.removeIf(RunDirectory::contractName);
        present.removeAll(recordedOutputs());
        this.foreign = present;
    }

    /** The folder a new run goes to: {@code --out}, else {@code output.dir}, else {@code runs/<config name>}. */
    public static Path choose(Path outDir, String configuredDir, Path configFile) {
        return outDir != null ? outDir : configuredDir != null ? Path.of(configuredDir)
                : Path.of("runs", baseName(configFile));
    }

    /**
     * Prepares {@code dir} for a new run: creates it, or clears an earlier run in it when {@code overwrite}
     * (only what a run writes; never {@code configFile}). A non-empty folder that is not a run is refused.
     */
    public static RunDirectory prepare(Path dir, Path configFile, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunException("output directory " + dir + " is a file; choose another with --out");
        }
        Path config = configFile.toAbsolutePath().normalize();
        if (config.equals(dir.resolve(CONFIG).toAbsolutePath().normalize())) {
            throw new RunException("the config " + configFile + " sits where the run writes its resolved " + CONFIG
                    + "; rename it or choose another directory with --out");
        }
        try {
            if (Files.isDirectory(dir)) {
                if (formatOf(dir) >= 0) {
                    if (!overwrite) {
                        throw new RunException("output directory " + dir + " already holds a run; pass --overwrite "
                                + "to replace it, or choose another with --out");
                    }
                    new RunDirectory(dir, formatOf(dir)).clear(config);
                } else {
                    Set<String> others = entries(dir);
                    if (config.getParent().equals(dir.toAbsolutePath().normalize())) {
                        others.remove(config.getFileName().toString()); // a folder holding just its config is fine
                    }
                    if (!others.isEmpty()) {
                        throw new RunException("output directory " + dir + " is not empty and is not a gan4j run "
                                + "(no " + MARKER + "); choose an empty or new folder with --out (--overwrite "
                                + "replaces only a run)");
                    }
                }
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new RunException("output directory " + dir + " is not writable");
            }
        } catch (IOException e) {
            throw new RunException("output directory " + dir + " cannot be created or written (" + reason(e)
                    + "); choose another with --out", e);
        }
        return new RunDirectory(dir, FORMAT_VERSION);
    }

    /** Opens an existing run to continue it. */
    public static RunDirectory openForResume(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunException("cannot resume " + dir + ": no such directory");
        }
        int format = formatOf(dir);
        if (format < 0) {
            throw new RunException("cannot resume " + dir + ": it is not a run directory (no " + MARKER + ", nor the "
                    + CONFIG + " and " + FACTS + " of an older run)");
        }
        return new RunDirectory(dir, format);
    }

    /** Opens an existing run to read it ({@code gan sample}); nothing is written. */
    public static RunDirectory openForReading(Path dir) {
        if (!Files.isDirectory(dir) || formatOf(dir) < 0) {
            throw new RunException(dir + " is not a run directory (no " + MARKER + ", nor the " + CONFIG + " and "
                    + FACTS + " of an older run)");
        }
        return new RunDirectory(dir, formatOf(dir));
    }

    /**
     * The run's format: the marker's version, {@link #LEGACY_FORMAT} for a run written before the marker
     * existed (it has {@code run.json} and its {@code config.yaml} or checkpoints), -1 when not a run.
     */
    static int formatOf(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            try {
                return JSON.readValue(marker.toFile(), RunMarker.class).formatVersion();
            } catch (IOException e) {
                throw new RunException("cannot read " + marker + ": " + e.getMessage(), e);
            }
        }
        boolean legacy = Files.isRegularFile(dir.resolve(FACTS))
                && (Files.isRegularFile(dir.resolve(CONFIG)) || Files.isDirectory(dir.resolve(CHECKPOINTS)));
        return legacy ? LEGACY_FORMAT : -1;
    }

    public Path path() {
        return dir;
    }

    public int formatVersion() {
        return formatVersion;
    }

    /** A file of the run, by its contract name. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    public CheckpointStore checkpoints() {
        return new CheckpointStore(dir);
    }

    /**
     * The config to continue the run with: its {@code config.yaml}, or, when that is missing, the
     * resolved config embedded in its newest readable checkpoint, written back as {@code config.yaml}.
     */
    public Path configForResume() {
        Path config = file(CONFIG);
        if (Files.isRegularFile(config)) {
            return config;
        }
        CheckpointStore store = checkpoints();
        try {
            List<Path> all = store.list();
            for (int i = all.size() - 1; i >= 0; i--) {
                String yaml;
                try {
                    yaml = CheckpointStore.configOf(all.get(i));
                } catch (IOException e) {
                    LOG.warn("cannot read the config in {}: {}", all.get(i), e.getMessage());
                    continue;
                }
                AtomicFiles.writeString(config, yaml);
                LOG.warn("{} was missing; restored it from the config embedded in {}", config, all.get(i));
                return config;
            }
        } catch (IOException e) {
            throw new RunException("cannot resume " + dir + ": " + CONFIG + " is missing and the checkpoints cannot "
                    + "be read (" + reason(e) + ")", e);
        }
        throw new RunException("cannot resume " + dir + ": " + CONFIG + " is missing and no checkpoint in "
                + store.directory() + " holds a readable config; give the config: gan train CONFIG --resume " + dir);
    }

    /**
     * Where {@code configFile} comes from for this run. The run's own {@code config.yaml} (a resume without
     * a config) stands for the config the run was started from: its data paths resolve against that
     * config's folder as recorded in {@code run.json}, exactly as the original run resolved them. Any
     * other file is its own origin.
     */
    public ConfigOrigin originOf(Path configFile) {
        Path config = configFile.toAbsolutePath().normalize();
        if (!config.equals(file(CONFIG).toAbsolutePath().normalize())) {
            return ConfigOrigin.of(configFile);
        }
        java.util.Optional<RunFacts> facts = readFactsIfPresent();
        if (facts.isEmpty() || facts.get().config() == null || facts.get().dataBasePath() == null) {
            return new ConfigOrigin(config, config.getParent(), "the run directory " + dir + " (its " + FACTS
                    + " records no other)");
        }
        return new ConfigOrigin(Path.of(facts.get().config()), facts.get().dataBasePath(),
                "the folder of the config the run was started from, " + facts.get().config() + " (recorded in "
                        + file(FACTS) + ")");
    }

    public void writeConfig(String yaml) {
        write(CONFIG, yaml);
    }

    public void writeFacts(RunFacts facts) {
        writeJson(FACTS, facts);
    }

    /** {@code run.json}, its fields checked before anyone sizes anything by them. */
    public RunFacts readFacts() {
        RunFacts facts = readJson(FACTS, RunFacts.class);
        Path file = file(FACTS);
        if (facts.sampleShape() == null || facts.sampleShape().length == 0) {
            throw new RunException("cannot read " + file + ": sample_shape is missing");
        }
        for (long d : facts.sampleShape()) {
            if (d <= 0 || d > Integer.MAX_VALUE) {
                throw new RunException("cannot read " + file + ": sample_shape "
                        + java.util.Arrays.toString(facts.sampleShape()) + " must hold positive sizes");
            }
        }
        if (facts.latentDim() <= 0) {
            throw new RunException("cannot read " + file + ": latent_dim must be a positive integer, got "
                    + facts.latentDim());
        }
        return facts;
    }

    /** {@code run.json} when the run has one (a run stopped before it started has none). */
    public java.util.Optional<RunFacts> readFactsIfPresent() {
        return Files.isRegularFile(file(FACTS)) ? java.util.Optional.of(readFacts()) : java.util.Optional.empty();
    }

    public void writeSummary(RunSummaryFile summary) {
        writeJson(SUMMARY, summary);
    }

    public RunSummaryFile readSummary() {
        return readJson(SUMMARY, RunSummaryFile.class);
    }

    public void writeEvaluation(EvaluationRecord evaluation) {
        writeJson(EVALUATION, evaluation);
    }

    public EvaluationRecord readEvaluation() {
        return readJson(EVALUATION, EvaluationRecord.class);
    }

    /** Writes the marker: called once the run has started (data, networks and checkpoint in hand). */
    public void markStarted() {
        writeJson(MARKER, new RunMarker(FORMAT_VERSION, recordedOutputs()));
    }

    public RunMarker readMarker() {
        return readJson(MARKER, RunMarker.class);
    }

    /**
     * Records in the marker the top-level files the run has written beyond the contract's (plots drawn by
     * metrics), so {@code --overwrite} removes them. Entries there before the run started are the user's.
     */
    public void recordOutputs() {
        Set<String> outputs = new TreeSet<>(recordedOutputs());
        for (String name : entries(dir)) {
            if (!contractName(name) && !foreign.contains(name) && !name.startsWith(".")) {
                outputs.add(name);
            }
        }
        writeJson(MARKER, new RunMarker(FORMAT_VERSION, new ArrayList<>(outputs)));
    }

    private List<String> recordedOutputs() {
        if (!Files.isRegularFile(file(MARKER))) {
            return List.of();
        }
        return readMarker().outputs();
    }

    /**
     * Removes what a run writes: the contract's files and the outputs its marker lists, keeping
     * {@code keep} (the config being run) and anything else. A run of format 0 lists no outputs, so the
     * plots its metrics drew stay.
     */
    private void clear(Path keep) throws IOException {
        Set<String> names = new LinkedHashSet<>(recordedOutputs());
        for (String name : entries(dir)) {
            if (contractName(name)) {
                names.add(name);
            }
        }
        names.remove(MARKER);
        for (String name : names) {
            Path p = dir.resolve(name);
            if (!name.contains("/") && !name.contains("\\") && !name.equals("..") && Files.exists(p)) {
                delete(p, keep);
            }
        }
        Files.deleteIfExists(file(MARKER)); // last: a clear cut short leaves a run that can be cleared again
    }

    private static void delete(Path target, Path keep) throws IOException {
        List<Path> walk;
        try (Stream<Path> s = Files.walk(target)) {
            walk = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : walk) {
            if (p.toAbsolutePath().normalize().equals(keep)) {
                continue;
            }
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException e) {
                // holds the kept config
            }
        }
    }

    private static boolean contractName(String name) {
        return CONTRACT.contains(name) || STEP_SAMPLES.matcher(name).matches();
    }

    private static Set<String> entries(Path dir) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new RunException("cannot list " + dir + " (" + reason(e) + ")", e);
        }
        return names;
    }

    private void write(String name, String text) {
        try {
            AtomicFiles.writeString(file(name), text);
        } catch (IOException e) {
            throw new RunException("cannot write " + file(name) + " (" + reason(e) + ")", e);
        }
    }

    private void writeJson(String name, Object value) {
        try {
            write(name, JSON.writeValueAsString(value) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    private <T> T readJson(String name, Class<T> type) {
        Path file = file(name);
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new RunException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new RunException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The cause of a file-system error in words. */
    static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
