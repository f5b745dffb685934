package org.gan4j.core.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file that cannot be trusted: a checksum mismatch, a truncated file, or a field that fails its
 * check (a negative step, a length beyond the file, an unknown format version). A resume skips it for an
 * older one; asked for by name, it is an error saying why.
 */
public final class InvalidCheckpointException extends IOException {
    private final Path file;
    private final String reason;

    private InvalidCheckpointException(Path file, String reason, String message) {
        super(message);
        this.file = file;
        this.reason = reason;
    }

    /** The checksum does not match the content (damaged or cut short). */
    static InvalidCheckpointException corrupt(Path file) {
        String reason = "corrupt (checksum mismatch or truncated)";
        return new InvalidCheckpointException(file, reason, file + " is " + reason);
    }

    /** The checksum matches but a field fails its check; {@code reason} says which and what is accepted. */
    static InvalidCheckpointException invalid(Path file, String reason) {
        return new InvalidCheckpointException(file, reason, file + " is invalid: " + reason);
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }
}
