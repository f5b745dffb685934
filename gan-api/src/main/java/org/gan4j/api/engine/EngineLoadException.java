package org.gan4j.api.engine;

/** The chosen engine's native library did not load; the message names the engine and what to check. */
public final class EngineLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
