package org.gan4j.library;

/** A class id outside 0..classes-1, or classes given to a generator that takes none (or none to one that needs them). */
public final class ClassIdException extends GeneratorException {
    /** An exception with a one-line message. */
    public ClassIdException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public ClassIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
