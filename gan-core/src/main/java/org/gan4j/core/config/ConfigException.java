package org.gan4j.core.config;

/**
 * A config the framework cannot accept. The message has the form
 * {@code file:line:column: key: what is wrong; what is accepted}.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String key;

    public ConfigException(String source, String key, String problem) {
        super(format(source, key, problem));
        this.source = source;
        this.key = key;
    }

    /** Where the bad value was written: {@code file:line:column}, a command-line override, or the file. */
    public String source() {
        return source;
    }

    /** The dotted key path, e.g. {@code trainer.batch_size}, or empty for the whole file. */
    public String key() {
        return key;
    }

    private static String format(String source, String key, String problem) {
        StringBuilder sb = new StringBuilder(source);
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }
}
