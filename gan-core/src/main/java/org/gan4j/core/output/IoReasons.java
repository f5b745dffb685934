package org.gan4j.core.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns a failed file operation into the few words a user can act on ("no space left on device",
 * "permission denied"), the one place where IOException messages become reasons. The JDK reports the
 * operating system's errors in three shapes: a typed {@link FileSystemException} subclass, a
 * FileSystemException whose {@code getReason()} holds the errno text, and a plain IOException whose message
 * is that text (writes to a full disk arrive as {@code IOException: No space left on device}).
 */
public final class IoReasons {
    private IoReasons() {}

    /** The reason in lower-case words, without the path (callers name the path themselves). */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a path component is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name is in the way";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")) {
            return "no space left on device";
        }
        if (lower.contains("disk quota exceeded")) {
            return "disk quota exceeded";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return "permission denied";
        }
        if (lower.equals("not a directory")) {
            return "a path component is a file, not a folder";
        }
        if (lower.equals("is a directory")) {
            return "a folder of that name is in the way";
        }
        // Typed subclasses without a reason carry only the path as their message: say the type instead.
        return e instanceof FileSystemException f && f.getReason() == null ? e.getClass().getSimpleName() : lower;
    }
}
