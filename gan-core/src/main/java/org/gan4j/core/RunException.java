package org.gan4j.core;

/** A run that cannot start or continue for a reason the user can act on; the message says which. */
public final class RunException extends RuntimeException {
    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
