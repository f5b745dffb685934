package org.gan4j.library;

/** An export folder gan4j may not write into: a file, or a non-empty folder that is not an export. */
public final class ExportTargetException extends GeneratorException {
    /** An exception with a one-line message. */
    public ExportTargetException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public ExportTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
