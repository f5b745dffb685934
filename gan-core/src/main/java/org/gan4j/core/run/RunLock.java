package org.gan4j.core.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gan4j.core.RunException;

/**
 * An exclusive lock on a run directory while a process trains in it, so that a retried member never trains
 * beside an orphan of an earlier attempt. The lock file sits beside the directory ({@code <dir>.lock}), not
 * in it: a fresh run may clear the directory while holding the lock. The operating system releases the lock
 * when the process dies, however it dies; the file itself is left in place (deleting it would let two
 * processes lock two different files).
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a run directory. */
    public static Path fileOf(Path runDir) {
        Path abs = runDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".lock");
    }

    /** Takes the lock or fails at once with one line naming the directory. */
    public static RunLock acquire(Path runDir) {
        Path file = fileOf(runDir);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new RunException("run directory " + runDir + " is in use by another process (" + file
                        + " is locked); wait for it to end or stop it");
            }
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new RunException("run directory " + runDir + " is already locked by this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RunException("cannot lock run directory " + runDir + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }
}
