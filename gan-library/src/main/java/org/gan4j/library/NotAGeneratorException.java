package org.gan4j.library;

/** A path that is neither a run directory, a checkpoint of a run, nor a generator export. */
public final class NotAGeneratorException extends GeneratorException {
    /** An exception with a one-line message. */
    public NotAGeneratorException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public NotAGeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
