package org.gan4j.core.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test tool: a version-2 checkpoint taken apart into its sections, edited, and put back with a valid checksum. */
final class CheckpointBytes {
    final Map<String, byte[]> sections = new LinkedHashMap<>();
    int version = CheckpointFile.VERSION;

    static CheckpointBytes of(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CheckpointBytes parsed = new CheckpointBytes();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, bytes.length - 12 - 32))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] content = new byte[(int) in.readLong()];
                in.readFully(content);
                parsed.sections.put(name, content);
            }
        }
        return parsed;
    }

    /** Overwrites a big-endian long at {@code offset} of a section. */
    CheckpointBytes putLong(String section, int offset, long value) {
        ByteBuffer.wrap(sections.get(section)).putLong(offset, value);
        return this;
    }

    CheckpointBytes putInt(String section, int offset, int value) {
        ByteBuffer.wrap(sections.get(section)).putInt(offset, value);
        return this;
    }

    /** The file's bytes; {@code lengthOf} replaces the length field of one section (null: the true lengths). */
    byte[] bytes(String lengthOf, long claimedLength) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(CheckpointFile.MAGIC);
            out.writeInt(version);
            out.writeInt(sections.size());
            for (Map.Entry<String, byte[]> s : sections.entrySet()) {
                out.writeUTF(s.getKey());
                out.writeLong(s.getKey().equals(lengthOf) ? claimedLength : s.getValue().length);
                out.write(s.getValue());
            }
        }
        return withChecksum(buffer.toByteArray());
    }

    void writeTo(Path file) throws IOException {
        Files.write(file, bytes(null, 0));
    }

    static byte[] withChecksum(byte[] body) {
        byte[] file = Arrays.copyOf(body, body.length + 32);
        System.arraycopy(CheckpointFile.sha256(body), 0, file, body.length, 32);
        return file;
    }
}
