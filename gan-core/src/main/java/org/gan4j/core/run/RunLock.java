package org.gan4j.core.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
        return acquire(runDir, Duration.ZERO);
    }

    /**
     * Takes the lock, waiting up to {@code patience} for another holder to let go (an orphan of an earlier
     * attempt halts within a second or so of its executor's death), or fails with one line naming the directory.
     */
    public static RunLock acquire(Path runDir, Duration patience) {
        Path file = fileOf(runDir);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + patience.toNanos();
            FileLock lock = channel.tryLock();
            while (lock == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                lock = channel.tryLock();
            }
            if (lock == null) {
                channel.close();
                throw new RunException("run directory " + runDir + " is in use by another process (" + file
                        + " is locked" + (patience.isZero() ? "" : " after waiting " + patience.toSeconds() + " s")
                        + "); wait for it to end or stop it");
            }
            return new RunLock(channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new RunException("interrupted while waiting for the lock of run directory " + runDir, e);
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
