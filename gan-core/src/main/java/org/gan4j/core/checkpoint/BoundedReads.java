package org.gan4j.core.checkpoint;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads of checkpoint fields that check every length against the bytes that remain before allocating, so
 * a length field claiming gigabytes is a reason to skip the file, never an OutOfMemoryError. The streams
 * are in-memory ({@code available()} is exact).
 */
final class BoundedReads {
    private BoundedReads() {}

    /** {@code length} bytes announced by a field of the file; {@code what} names the field in the error. */
    static byte[] bytes(DataInputStream in, long length, Path file, String what) throws IOException {
        int remaining = in.available();
        if (length < 0 || length > remaining) {
            throw InvalidCheckpointException.invalid(file, what + " claims " + length + " bytes but " + remaining
                    + " remain in its section");
        }
        byte[] bytes = new byte[(int) length];
        in.readFully(bytes);
        return bytes;
    }

    /** An int-length-prefixed UTF-8 text, rejected when it is not valid UTF-8. */
    static String utf8(DataInputStream in, Path file, String what) throws IOException {
        byte[] bytes = bytes(in, in.readInt(), file, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidCheckpointException.invalid(file, what + " is not UTF-8 text");
        }
    }

    /** The section must end exactly where its reader stopped: extra bytes mean another layout. */
    static void requireEnd(DataInputStream in, Path file, String section) throws IOException {
        int left = in.available();
        if (left > 0) {
            throw InvalidCheckpointException.invalid(file, "section '" + section + "' has " + left
                    + " bytes after what its reader expects");
        }
    }

    /** An EOF inside a section means a field pointed past its end. */
    static InvalidCheckpointException cutShort(Path file, String section, EOFException e) {
        return InvalidCheckpointException.invalid(file, "section '" + section + "' ends before its last field");
    }
}
