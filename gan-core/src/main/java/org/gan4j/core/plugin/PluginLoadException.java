package org.gan4j.core.plugin;

/** A plugin jar that cannot be loaded, or plugins that clash; the message names the jars. */
public final class PluginLoadException extends RuntimeException {
    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public PluginLoadException(String message) {
        super(message);
    }
}
