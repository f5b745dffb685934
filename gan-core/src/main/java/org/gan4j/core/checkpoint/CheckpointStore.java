package org.gan4j.core.checkpoint;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.output.AtomicFiles;
import org.gan4j.core.train.GanNetworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of a run: {@code checkpoints/step-NNNNNNNN.ckpt} files holding G and D parameters,
 * both optimizers' state, the step and the resolved config, followed by a SHA-256 of everything
 * before it. Files are written to a temporary name and renamed, so a crash never corrupts the last
 * good checkpoint; a newest file that fails its checksum is skipped with a warning.
 */
public final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final byte[] MAGIC = "GAN4J-CK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
    private static final String BEST = "best.ckpt";

    private final Path dir;

    public CheckpointStore(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
    }

    public Path directory() {
        return dir;
    }

    /** What a checkpoint restores besides the arrays. */
    public record Restored(long step, String configYaml, Path file) {}

    /** Writes the checkpoint of {@code step}; returns its path. */
    public Path save(long step, String configYaml, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(step);
            byte[] config = configYaml.getBytes(StandardCharsets.UTF_8);
            out.writeInt(config.length);
            out.write(config);
            ParameterIo.write(nets.generator(), out);
            ParameterIo.write(nets.discriminator(), out);
            g.save(out);
            d.save(out);
        }
        byte[] body = buffer.toByteArray();
        byte[] file = Arrays.copyOf(body, body.length + 32);
        System.arraycopy(sha256(body), 0, file, body.length, 32);
        Path target = dir.resolve(String.format("step-%08d.ckpt", step));
        AtomicFiles.write(target, file);
        return target;
    }

    /** Copies {@code checkpoint} to {@code best.ckpt} (atomically). */
    public void markBest(Path checkpoint) throws IOException {
        AtomicFiles.write(dir.resolve(BEST), Files.readAllBytes(checkpoint));
    }

    /** Deletes all but the newest {@code keep} step checkpoints. */
    public void prune(int keep) throws IOException {
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** Step checkpoints, oldest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CheckpointStore::stepOf)).toList();
        }
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Restores the newest checkpoint that passes its checksum into {@code nets} and the optimizers.
     *
     * @return the restored step, or empty when the run has no valid checkpoint
     */
    public Optional<Restored> restoreLatest(GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d,
            NDManager scratch) throws IOException {
        List<Path> all = new ArrayList<>(list());
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            byte[] bytes = Files.readAllBytes(file);
            if (!valid(bytes)) {
                LOG.warn("checkpoint {} is corrupt (checksum mismatch or truncated); falling back to an older one", file);
                continue;
            }
            return Optional.of(restore(file, bytes, nets, g, d, scratch));
        }
        return Optional.empty();
    }

    /** Restores one checkpoint file (checksum verified). */
    public Restored restore(Path file, GanNetworks nets, ParameterOptimizer g, ParameterOptimizer d,
            NDManager scratch) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!valid(bytes)) {
            throw new IOException(file + " is corrupt (checksum mismatch or truncated)");
        }
        return restore(file, bytes, nets, g, d, scratch);
    }

    /** Reads only the resolved config stored in a checkpoint file. */
    public static String configOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!valid(bytes)) {
            throw new IOException(file + " is corrupt (checksum mismatch or truncated)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 32))) {
            readHeader(in, file);
            in.readLong();
            return readConfig(in);
        }
    }

    private static Restored restore(Path file, byte[] bytes, GanNetworks nets, ParameterOptimizer g,
            ParameterOptimizer d, NDManager scratch) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 32));
                NDManager temp = scratch.newSubManager()) {
            readHeader(in, file);
            long step = in.readLong();
            String config = readConfig(in);
            try {
                ParameterIo.read(nets.generator(), "the generator", in, temp);
                ParameterIo.read(nets.discriminator(), "the discriminator", in, temp);
            } catch (IncompatibleCheckpointException e) {
                throw new IncompatibleCheckpointException(file + ": " + e.getMessage());
            }
            g.load(nets.manager(), in);
            d.load(nets.manager(), in);
            return new Restored(step, config, file);
        }
    }

    private static void readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a gan4j checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + " has checkpoint format " + version + "; this build reads " + VERSION);
        }
    }

    private static String readConfig(DataInputStream in) throws IOException {
        byte[] config = new byte[in.readInt()];
        in.readFully(config);
        return new String(config, StandardCharsets.UTF_8);
    }

    private static boolean valid(byte[] bytes) {
        if (bytes.length < MAGIC.length + 32) {
            return false;
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        byte[] sum = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        return MessageDigest.isEqual(sha256(body), sum);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
