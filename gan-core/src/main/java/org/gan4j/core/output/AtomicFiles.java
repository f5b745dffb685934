package org.gan4j.core.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Core's old name for {@link org.gan4j.api.support.AtomicFiles}, which holds the one implementation;
 * kept so callers can move over one at a time.
 */
@Deprecated
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) throws IOException {
        org.gan4j.api.support.AtomicFiles.write(target, bytes);
    }

    public static void writeString(Path target, String text) throws IOException {
        org.gan4j.api.support.AtomicFiles.writeString(target, text);
    }
}
