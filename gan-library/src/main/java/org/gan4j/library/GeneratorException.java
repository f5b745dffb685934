package org.gan4j.library;

/**
 * Bad input to a {@link TrainedGenerator} or an export: the base of the library's typed exceptions. Each
 * carries one line that names the file, the argument or the value and what would be accepted.
 */
public class GeneratorException extends RuntimeException {
    /** An exception with a one-line message. */
    public GeneratorException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure behind it. */
    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
