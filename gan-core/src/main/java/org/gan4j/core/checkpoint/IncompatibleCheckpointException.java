package org.gan4j.core.checkpoint;

/** A checkpoint whose parameters do not fit the model built from the config. */
public final class IncompatibleCheckpointException extends RuntimeException {
    public IncompatibleCheckpointException(String message) {
        super(message);
    }
}
