package org.gan4j.core.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gan4j.core.output.IoReasons;

/**
 * One checkpoint file in memory with its checksum, magic, version and section framing verified. The
 * fields inside the sections are not trusted yet: each section's reader checks its own. Every length is
 * checked against the bytes that remain before anything is allocated from it.
 */
final class CheckpointFile {
    static final byte[] MAGIC = "GAN4J-CK".getBytes(StandardCharsets.US_ASCII);
    static final int LEGACY_VERSION = 1;
    static final int VERSION = 2;
    static final int CHECKSUM_BYTES = 32;
    /** One Java array holds the whole file; no real checkpoint comes near this. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 1024;
    /** A section header is at least a 2-byte name length and an 8-byte content length. */
    private static final int MIN_SECTION_HEADER = 10;

    private final Path file;
    private final int version;
    private final byte[] bytes;
    /** Where the content after the version starts and where the checksum starts. */
    private final int contentStart;
    private final int contentEnd;
    /** Version 2: name to {offset, length}, in file order. */
    private final Map<String, int[]> sections;

    private CheckpointFile(Path file, int version, byte[] bytes, int contentStart, Map<String, int[]> sections) {
        this.file = file;
        this.version = version;
        this.bytes = bytes;
        this.contentStart = contentStart;
        this.contentEnd = bytes.length - CHECKSUM_BYTES;
        this.sections = sections;
    }

    /** Reads and verifies {@code file}; an {@link InvalidCheckpointException} says what failed. */
    static CheckpointFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw InvalidCheckpointException.invalid(file, "it is a folder, not a checkpoint file");
        }
        if (!Files.isRegularFile(file)) { // a device or a pipe has no size to bound the read by
            throw InvalidCheckpointException.invalid(file, "it is not a regular file (a device or a pipe?)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw InvalidCheckpointException.invalid(file, "it is " + size + " bytes, more than a checkpoint can hold ("
                        + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (InvalidCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": " + IoReasons.of(e), e);
        }
        return parse(file, bytes);
    }

    static CheckpointFile parse(Path file, byte[] bytes) throws InvalidCheckpointException {
        if (bytes.length < MAGIC.length + 4 + CHECKSUM_BYTES || !checksumMatches(bytes)) {
            throw InvalidCheckpointException.corrupt(file);
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw InvalidCheckpointException.invalid(file, "it is not a gan4j checkpoint (no GAN4J-CK header)");
        }
        int version = ((bytes[8] & 0xFF) << 24) | ((bytes[9] & 0xFF) << 16) | ((bytes[10] & 0xFF) << 8) | (bytes[11] & 0xFF);
        int start = MAGIC.length + 4;
        if (version == LEGACY_VERSION) {
            return new CheckpointFile(file, version, bytes, start, Map.of());
        }
        if (version != VERSION) {
            throw InvalidCheckpointException.invalid(file, "it has checkpoint format version " + version
                    + "; this build reads versions " + LEGACY_VERSION + " and " + VERSION
                    + (version > VERSION ? " (was it written by a newer gan4j?)" : ""));
        }
        return new CheckpointFile(file, version, bytes, start, sections(file, bytes, start));
    }

    private static Map<String, int[]> sections(Path file, byte[] bytes, int start) throws InvalidCheckpointException {
        int end = bytes.length - CHECKSUM_BYTES;
        ByteArrayInputStream raw = new ByteArrayInputStream(bytes, start, end - start);
        DataInputStream in = new DataInputStream(raw);
        Map<String, int[]> sections = new LinkedHashMap<>();
        try {
            int count = in.readInt();
            if (count < 0 || count > raw.available() / MIN_SECTION_HEADER) {
                throw InvalidCheckpointException.invalid(file, "it declares " + count + " sections; its "
                        + raw.available() + " bytes hold at most " + raw.available() / MIN_SECTION_HEADER);
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long length = in.readLong();
                int remaining = raw.available();
                if (length < 0 || length > remaining) {
                    throw InvalidCheckpointException.invalid(file, "section '" + name + "' claims " + length
                            + " bytes but " + remaining + " remain in the file");
                }
                if (sections.containsKey(name)) {
                    throw InvalidCheckpointException.invalid(file, "section '" + name + "' appears twice");
                }
                sections.put(name, new int[] {end - remaining, (int) length});
                in.skipNBytes(length);
            }
            if (raw.available() > 0) {
                throw InvalidCheckpointException.invalid(file, raw.available() + " bytes follow the last section");
            }
        } catch (EOFException | UTFDataFormatException e) {
            throw InvalidCheckpointException.invalid(file, "its section table is cut short or garbled");
        } catch (InvalidCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw InvalidCheckpointException.invalid(file, "its section table cannot be read: " + e.getMessage());
        }
        return sections;
    }

    Path file() {
        return file;
    }

    int version() {
        return version;
    }

    /** Version 1 only: the content after the version, up to the checksum, as one stream. */
    DataInputStream legacyContent() {
        return new DataInputStream(new ByteArrayInputStream(bytes, contentStart, contentEnd - contentStart));
    }

    Set<String> sectionNames() {
        return sections.keySet();
    }

    boolean has(String name) {
        return sections.containsKey(name);
    }

    /** The section's content as a stream that ends where the section ends. */
    DataInputStream section(String name) throws InvalidCheckpointException {
        int[] at = sections.get(name);
        if (at == null) {
            throw InvalidCheckpointException.invalid(file, "it has no section '" + name + "'");
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, at[0], at[1]));
    }

    static boolean checksumMatches(byte[] bytes) {
        int body = bytes.length - CHECKSUM_BYTES;
        MessageDigest digest = sha256();
        digest.update(bytes, 0, body);
        return MessageDigest.isEqual(digest.digest(), Arrays.copyOfRange(bytes, body, bytes.length));
    }

    static byte[] sha256(byte[] body) {
        return sha256().digest(body);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
