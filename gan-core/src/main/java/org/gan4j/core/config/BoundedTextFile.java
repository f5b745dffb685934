package org.gan4j.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small text file a user names (a config, an {@code extends:} base, a suite) with a bound: only
 * regular files (never a device such as {@code /dev/zero}, a pipe or a folder), and at most a limit of
 * bytes, so a wrong path answers at once instead of filling the heap or parsing for minutes.
 */
public final class BoundedTextFile {
    /** A config is kilobytes; 1 MiB is generous. */
    public static final long CONFIG_LIMIT = 1L << 20;

    private BoundedTextFile() {}

    /** Why a file was not read; the message is a phrase to follow the file's name. */
    public static final class RefusedException extends IOException {
        RefusedException(String phrase) {
            super(phrase);
        }
    }

    /**
     * The UTF-8 text of {@code file}, or a {@link RefusedException} (not a regular file, over
     * {@code limit} bytes, not UTF-8), {@link java.nio.file.NoSuchFileException} or another I/O error.
     */
    public static String readUtf8(Path file, long limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new RefusedException("is a folder; expected a YAML file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new RefusedException("is not a regular file (a device, pipe or socket); expected a YAML file");
        }
        if (Files.size(file) > limit) {
            throw new RefusedException("is " + Files.size(file) + " bytes; a config is read only up to "
                    + describe(limit) + " (" + limit + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The size may change between the check and the read: never take more than the limit.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (bytes.length > limit) {
            throw new RefusedException("is over " + describe(limit) + " (" + limit + " bytes), the most a config may hold");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedException("is not UTF-8 text");
        }
    }

    private static String describe(long limit) {
        return limit % (1L << 20) == 0 ? (limit >> 20) + " MiB" : limit % 1024 == 0 ? (limit >> 10) + " KiB" : limit + " bytes";
    }
}
