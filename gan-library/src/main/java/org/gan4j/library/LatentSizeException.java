package org.gan4j.library;

/** A latent vector whose length differs from the generator's latent size. */
public final class LatentSizeException extends GeneratorException {
    /** An exception with a one-line message. */
    public LatentSizeException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public LatentSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
