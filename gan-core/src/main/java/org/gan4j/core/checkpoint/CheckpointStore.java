package org.gan4j.core.checkpoint;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.support.AtomicFiles;
import org.gan4j.core.train.GanNetworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of a run: {@code checkpoints/step-NNNNNNNN.ckpt} files, written to a temporary name and
 * renamed, so a crash never corrupts the last good checkpoint.
 *
 * <p>Format version 2 (big-endian, {@link DataOutputStream} encodings):
 * <pre>
 * "GAN4J-CK"  int version (2)  int section count
 * per section: UTF name, long length, then length bytes of content
 * SHA-256 of every byte before it (32 bytes)
 * </pre>
 * <table>
 * <caption>Sections</caption>
 * <tr><th>name</th><th>content</th></tr>
 * <tr><td>{@code trainer}</td><td>long step; int length + UTF-8 resolved config YAML; boolean has-best +
 *     double best value of {@code checkpoint.best_metric}</td></tr>
 * <tr><td>{@code networks.generator}, {@code networks.discriminator}</td><td>int count; per parameter: UTF name,
 *     UTF data type, int rank, long per dimension, raw values (native byte order)</td></tr>
 * <tr><td>{@code optimizer.generator}, {@code optimizer.discriminator}</td><td>opaque: the
 *     {@link ParameterOptimizer}'s own {@code save}</td></tr>
 * <tr><td>one per {@link StatefulPart}, named by {@link StatefulPart#stateSection()}</td><td>opaque: the part's
 *     own {@code saveState}</td></tr>
 * </table>
 *
 * <p>Version 1 (magic, 1, long step, int length + config, both networks as count + (UTF name, int length,
 * DJL-encoded array), both optimizers back to back, SHA-256) is still read; other versions are refused.
 *
 * <p>Nothing read from a file is trusted: the checksum, the version, every length (against the bytes that
 * remain, before allocating), the step (0 or more, equal to the one in a {@code step-N.ckpt} name), array
 * names, types and shapes (against the model), and the set of sections (an unknown one was written by a
 * plugin part this run does not configure; a missing one belongs to a part it does). A resume skips a file
 * that fails any check with a warning naming it and the reason and uses the one before it; only when every
 * file fails because it does not fit this run's model or parts is that an error
 * ({@link IncompatibleCheckpointException}). Pruning counts only intact files, leaves failing ones in place
 * and never deletes the checkpoint a resume fell back to.
 */
public final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern NAME = Pattern.compile("step-(\\d{1,18})\\.ckpt");
    private static final String BEST = "best.ckpt";
    static final String GENERATOR = "networks.generator";
    static final String DISCRIMINATOR = "networks.discriminator";
    static final String GENERATOR_OPTIMIZER = "optimizer.generator";
    static final String DISCRIMINATOR_OPTIMIZER = "optimizer.discriminator";
    /** The sections every checkpoint has, in the order they are written. */
    static final List<String> CORE_SECTIONS = List.of(TrainerState.SECTION, GENERATOR, DISCRIMINATOR,
            GENERATOR_OPTIMIZER, DISCRIMINATOR_OPTIMIZER);

    /** Where the bytes of a checkpoint go (tests inject failures: a full disk). */
    interface BytesWriter {
        void write(Path target, byte[] bytes) throws IOException;
    }

    private final Path dir;
    private final BytesWriter writer;
    private List<StatefulPart> parts;
    /** Files this store wrote or checked, so pruning reads each file at most once. */
    private final Set<Path> knownIntact = new HashSet<>();
    private final Set<Path> knownBroken = new HashSet<>();
    /** The checkpoint a resume fell back to after skipping newer files: pruning keeps it. */
    private Path fellBackTo;

    public CheckpointStore(Path runDir) {
        this(runDir, List.of());
    }

    /** A store whose checkpoints also hold the state of {@code parts}, one section each. */
    public CheckpointStore(Path runDir, List<StatefulPart> parts) {
        this(runDir, parts, AtomicFiles::write);
    }

    CheckpointStore(Path runDir, List<StatefulPart> parts, BytesWriter writer) {
        this.dir = runDir.resolve("checkpoints");
        this.writer = writer;
        setStatefulParts(parts);
    }

    /**
     * The plugin parts whose state every checkpoint holds from now on; their section names must be unique
     * and differ from the core sections.
     */
    public void setStatefulParts(List<StatefulPart> parts) {
        Set<String> names = new HashSet<>(CORE_SECTIONS);
        for (StatefulPart part : parts) {
            String name = part.stateSection();
            if (name == null || name.isBlank() || !names.add(name)) {
                throw new IllegalArgumentException("stateful part " + part.getClass().getName() + " has section name '"
                        + name + "', which is blank or taken; names in use: " + names);
            }
        }
        this.parts = List.copyOf(parts);
    }

    public Path directory() {
        return dir;
    }

    /** The file of the step checkpoint of {@code step}. */
    public Path fileFor(long step) {
        return dir.resolve(String.format("step-%08d.ckpt", step));
    }

    /** What a checkpoint restores besides the arrays. */
    public record Restored(long step, String configYaml, Path file, OptionalDouble best) {}

    /** Writes the checkpoint of {@code step} without a best value; returns its path. */
    public Path save(long step, String configYaml, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d)
            throws IOException {
        return save(new TrainerState(step, configYaml, OptionalDouble.empty()), nets, g, d);
    }

    /** Writes the checkpoint of {@code state.step()}; returns its path. */
    public Path save(TrainerState state, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d)
            throws IOException {
        Map<String, SectionWriter> sections = new LinkedHashMap<>();
        sections.put(TrainerState.SECTION, state::write);
        sections.put(GENERATOR, out -> ParameterIo.write(nets.generator(), out));
        sections.put(DISCRIMINATOR, out -> ParameterIo.write(nets.discriminator(), out));
        sections.put(GENERATOR_OPTIMIZER, g::save);
        sections.put(DISCRIMINATOR_OPTIMIZER, d::save);
        for (StatefulPart part : parts) {
            sections.put(part.stateSection(), part::saveState);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(CheckpointFile.MAGIC);
            out.writeInt(CheckpointFile.VERSION);
            out.writeInt(sections.size());
            for (Map.Entry<String, SectionWriter> s : sections.entrySet()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                try (DataOutputStream section = new DataOutputStream(content)) {
                    s.getValue().write(section);
                }
                out.writeUTF(s.getKey());
                out.writeLong(content.size());
                content.writeTo(out);
            }
        }
        byte[] body = buffer.toByteArray();
        byte[] file = Arrays.copyOf(body, body.length + CheckpointFile.CHECKSUM_BYTES);
        System.arraycopy(CheckpointFile.sha256(body), 0, file, body.length, CheckpointFile.CHECKSUM_BYTES);
        Path target = fileFor(state.step());
        writer.write(target, file);
        knownBroken.remove(target);
        knownIntact.add(target);
        return target;
    }

    private interface SectionWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Copies {@code checkpoint} to {@code best.ckpt} (atomically). */
    public void markBest(Path checkpoint) throws IOException {
        writer.write(dir.resolve(BEST), Files.readAllBytes(checkpoint));
    }

    /**
     * Deletes intact step checkpoints older than the newest {@code keep} intact ones, except the one a resume
     * fell back to. Files that fail their checks are neither counted nor deleted.
     */
    public void prune(int keep) throws IOException {
        List<Path> all = list();
        int kept = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            if (!intact(file)) {
                continue;
            }
            if (kept < keep) {
                kept++;
            } else if (!file.equals(fellBackTo)) {
                Files.deleteIfExists(file);
                knownIntact.remove(file);
            }
        }
    }

    /** Whether the file passes every check that needs no model: checksum, framing, trainer state, step. */
    private boolean intact(Path file) {
        if (knownIntact.contains(file)) {
            return true;
        }
        if (knownBroken.contains(file)) {
            return false;
        }
        try {
            trainerState(CheckpointFile.read(file));
            knownIntact.add(file);
            return true;
        } catch (IOException e) {
            knownBroken.add(file);
            LOG.warn("checkpoint {}; left in place and not counted by checkpoint.keep_last", e.getMessage());
            return false;
        }
    }

    /** Step checkpoints, oldest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(p -> stepInName(p).orElse(-1))).toList();
        }
    }

    /** The step a {@code step-N.ckpt} name promises; empty for other names ({@code best.ckpt}, a user's file). */
    private static OptionalLong stepInName(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * Restores the newest checkpoint that passes every check into {@code nets}, the optimizers and the stateful
     * parts; newer files that fail are skipped with a warning.
     *
     * @return the restored state, or empty when the run has no valid checkpoint
     * @throws IncompatibleCheckpointException when every checkpoint was written for another model or other parts
     */
    public Optional<Restored> restoreLatest(GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d,
            NDManager scratch) throws IOException {
        return latest(file -> restore(file, nets, g, d, scratch));
    }

    /** Restores only G and D from the newest valid checkpoint (for sampling: other sections are not read). */
    public Optional<Restored> restoreLatestNetworks(GanNetworks nets, NDManager scratch) throws IOException {
        return latest(file -> restoreNetworks(file, nets, scratch));
    }

    /** Restores one checkpoint file; one that fails a check is an {@link InvalidCheckpointException}. */
    public Restored restore(Path file, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d,
            NDManager scratch) throws IOException {
        return restoreChecked(file, nets, g, d, scratch);
    }

    /** Restores only G and D from one checkpoint file (for sampling). */
    public Restored restoreNetworks(Path file, GanNetworks nets, NDManager scratch) throws IOException {
        return restoreChecked(file, nets, null, null, scratch);
    }

    /** Reads only the resolved config stored in a checkpoint file (its checks passed). */
    public static String configOf(Path file) throws IOException {
        return trainerState(CheckpointFile.read(file)).configYaml();
    }

    private interface Attempt {
        Restored restore(Path file) throws IOException;
    }

    private Optional<Restored> latest(Attempt attempt) throws IOException {
        List<Path> all = list();
        List<String> skipped = new ArrayList<>();
        IncompatibleCheckpointException newestIncompatible = null;
        boolean allIncompatible = true;
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            try {
                Restored restored = attempt.restore(file);
                skipped.forEach(w -> LOG.warn("checkpoint {}; falling back to an older one", w));
                knownIntact.add(file);
                if (!skipped.isEmpty()) {
                    fellBackTo = file;
                }
                return Optional.of(restored);
            } catch (IncompatibleCheckpointException e) {
                newestIncompatible = newestIncompatible == null ? e : newestIncompatible;
                knownBroken.add(file);
                skipped.add(e.getMessage().replaceFirst(": ", " does not fit this run: "));
            } catch (IOException e) {
                allIncompatible = false;
                knownBroken.add(file);
                skipped.add(e.getMessage());
            }
        }
        if (newestIncompatible != null && allIncompatible) {
            throw newestIncompatible; // the config is what differs: say so instead of "no valid checkpoint"
        }
        skipped.forEach(w -> LOG.warn("checkpoint {}; falling back to an older one", w));
        return Optional.empty();
    }

    private Restored restoreChecked(Path file, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d,
            NDManager scratch) throws IOException {
        CheckpointFile checkpoint = CheckpointFile.read(file);
        try (NDManager temp = scratch.newSubManager()) {
            return checkpoint.version() == CheckpointFile.LEGACY_VERSION
                    ? restoreLegacy(checkpoint, nets, g, d, temp) : restore(checkpoint, nets, g, d);
        } catch (IncompatibleCheckpointException e) {
            throw new IncompatibleCheckpointException(file + ": " + e.getMessage());
        }
    }

    /** Version 2; {@code g == null} restores the networks only. */
    private Restored restore(CheckpointFile checkpoint, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d)
            throws IOException {
        Path file = checkpoint.file();
        if (g != null) {
            requireSectionsOfThisRun(checkpoint);
        }
        TrainerState state = trainerState(checkpoint);
        ParameterIo.Staged generator = network(checkpoint, GENERATOR, nets.generator(), "the generator");
        ParameterIo.Staged discriminator = network(checkpoint, DISCRIMINATOR, nets.discriminator(), "the discriminator");
        // Every check that needs no plugin code has passed: only now are the networks overwritten.
        generator.apply();
        discriminator.apply();
        if (g != null) {
            opaque(file, GENERATOR_OPTIMIZER, checkpoint.section(GENERATOR_OPTIMIZER), in -> g.load(nets.manager(), in));
            opaque(file, DISCRIMINATOR_OPTIMIZER, checkpoint.section(DISCRIMINATOR_OPTIMIZER),
                    in -> d.load(nets.manager(), in));
            for (StatefulPart part : parts) {
                opaque(file, part.stateSection(), checkpoint.section(part.stateSection()), part::loadState);
            }
        } else {
            Set<String> requested = new HashSet<>();
            for (StatefulPart part : parts) { // sampling reads the parts it asks for (G's average)
                if (!checkpoint.sectionNames().contains(part.stateSection())) {
                    throw new IncompatibleCheckpointException("it has no state section '" + part.stateSection()
                            + "' (written without it?)");
                }
                opaque(file, part.stateSection(), checkpoint.section(part.stateSection()), part::loadState);
                requested.add(part.stateSection());
            }
            // Sampling needs the networks' own state too (spectral norm's vectors scale G's weights).
            for (StatefulPart part : nets.statefulParts()) {
                if (!requested.contains(part.stateSection()) && checkpoint.has(part.stateSection())) {
                    opaque(file, part.stateSection(), checkpoint.section(part.stateSection()), part::loadState);
                }
            }
        }
        return new Restored(state.step(), state.configYaml(), file, state.best());
    }

    /** An unknown section was written by a part this run lacks; a missing one belongs to a part it has. */
    private void requireSectionsOfThisRun(CheckpointFile checkpoint) throws InvalidCheckpointException {
        for (String core : CORE_SECTIONS) {
            checkpoint.section(core); // a missing core section is damage, not another config
        }
        Set<String> expected = new LinkedHashSet<>(CORE_SECTIONS);
        parts.forEach(p -> expected.add(p.stateSection()));
        Set<String> unknown = new LinkedHashSet<>(checkpoint.sectionNames());
        unknown.removeAll(expected);
        if (!unknown.isEmpty()) {
            throw new IncompatibleCheckpointException("it holds state sections " + unknown + " that no part of this "
                    + "run reads (written with a plugin part that is not configured now?)");
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(checkpoint.sectionNames());
        if (!missing.isEmpty()) {
            throw new IncompatibleCheckpointException("it has no state sections " + missing + " for parts this run "
                    + "configures (written before they were configured?)");
        }
    }

    private static TrainerState trainerState(CheckpointFile checkpoint) throws IOException {
        Path file = checkpoint.file();
        OptionalLong nameStep = stepInName(file);
        if (checkpoint.version() == CheckpointFile.LEGACY_VERSION) {
            try (DataInputStream in = checkpoint.legacyContent()) {
                return TrainerState.readLegacy(in, file, nameStep);
            } catch (EOFException e) {
                throw InvalidCheckpointException.invalid(file, "its header ends before its last field");
            }
        }
        try (DataInputStream in = checkpoint.section(TrainerState.SECTION)) {
            TrainerState state = TrainerState.read(in, file, nameStep);
            BoundedReads.requireEnd(in, file, TrainerState.SECTION);
            return state;
        } catch (EOFException e) {
            throw BoundedReads.cutShort(file, TrainerState.SECTION, e);
        }
    }

    private static ParameterIo.Staged network(CheckpointFile checkpoint, String section, ai.djl.nn.Block block,
            String name) throws IOException {
        try (DataInputStream in = checkpoint.section(section)) {
            ParameterIo.Staged staged = ParameterIo.read(block, name, in, checkpoint.file());
            BoundedReads.requireEnd(in, checkpoint.file(), section);
            return staged;
        } catch (EOFException e) {
            throw BoundedReads.cutShort(checkpoint.file(), section, e);
        }
    }

    private interface SectionReader {
        void read(DataInputStream in) throws IOException;
    }

    /**
     * Loads a section whose layout belongs to its owner (an optimizer, a plugin part). Its stream ends with the
     * section, so a length field beyond it is an EOF; a reader that allocates from a length field before reading
     * can still ask for too much, which is caught here as the file's fault.
     */
    private static void opaque(Path file, String section, DataInputStream in, SectionReader reader) throws IOException {
        try {
            reader.read(in);
        } catch (EOFException e) {
            throw BoundedReads.cutShort(file, section, e);
        } catch (InvalidCheckpointException | IncompatibleCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw InvalidCheckpointException.invalid(file, "section '" + section + "': " + e.getMessage());
        } catch (RuntimeException e) {
            throw InvalidCheckpointException.invalid(file, "section '" + section + "' cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (OutOfMemoryError e) {
            throw InvalidCheckpointException.invalid(file, "section '" + section + "' asks for more memory than the "
                    + "JVM has (a length field larger than the section?)");
        }
        BoundedReads.requireEnd(in, file, section);
    }

    /** Version 1: the same content without section framing; the optimizers follow the networks directly. */
    private Restored restoreLegacy(CheckpointFile checkpoint, GanNetworks nets, ParameterOptimizer g,
            ParameterOptimizer d, NDManager temp) throws IOException {
        Path file = checkpoint.file();
        if (!parts.isEmpty()) {
            throw new IncompatibleCheckpointException("it is a version-1 checkpoint, which holds no state for the "
                    + "parts " + parts.stream().map(StatefulPart::stateSection).toList() + " this run configures");
        }
        try (DataInputStream in = checkpoint.legacyContent()) {
            TrainerState state = TrainerState.readLegacy(in, file, stepInName(file));
            ParameterIo.Staged generator = ParameterIo.readLegacy(nets.generator(), "the generator", in, temp, file);
            ParameterIo.Staged discriminator = ParameterIo.readLegacy(nets.discriminator(), "the discriminator", in,
                    temp, file);
            generator.apply();
            discriminator.apply();
            if (g != null) {
                opaque(file, "optimizers", in, stream -> {
                    g.load(nets.manager(), stream);
                    d.load(nets.manager(), stream);
                });
            }
            return new Restored(state.step(), state.configYaml(), file, state.best());
        } catch (EOFException e) {
            throw InvalidCheckpointException.invalid(file, "it ends before its last field");
        }
    }
}
