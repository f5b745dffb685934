package org.gan4j.library;

/** A condition of the wrong shape or value range, or one given to (or missing from) a generator that does not take (or needs) it. */
public final class ConditionException extends GeneratorException {
    /** An exception with a one-line message. */
    public ConditionException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public ConditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
