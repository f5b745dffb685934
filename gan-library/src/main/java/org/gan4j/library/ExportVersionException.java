package org.gan4j.library;

/** An export written by a newer gan4j (its {@code format_version} is above {@link GeneratorManifest#FORMAT_VERSION}). */
public final class ExportVersionException extends GeneratorException {
    /** An exception with a one-line message. */
    public ExportVersionException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public ExportVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
