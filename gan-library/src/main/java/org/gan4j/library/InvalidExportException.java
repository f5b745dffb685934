package org.gan4j.library;

/** An export whose manifest or parameter files are damaged or do not fit the architecture it names. */
public final class InvalidExportException extends GeneratorException {
    /** An exception with a one-line message. */
    public InvalidExportException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public InvalidExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
