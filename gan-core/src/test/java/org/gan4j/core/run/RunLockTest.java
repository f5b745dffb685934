package org.gan4j.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gan4j.core.RunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory is locked while one trainer holds it; the lock file sits beside it and survives a clear. */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeAndTheLockSitsBesideTheRun() throws Exception {
        Path run = dir.resolve("runs/member");
        assertEquals(dir.resolve("runs/member.lock").toAbsolutePath(), RunLock.fileOf(run));
        try (RunLock first = RunLock.acquire(run)) {
            RunException e = assertThrows(RunException.class, () -> RunLock.acquire(run));
            assertTrue(e.getMessage().contains("run directory " + run), e.getMessage());
            assertTrue(Files.exists(RunLock.fileOf(run)));
        }
        try (RunLock again = RunLock.acquire(run, java.time.Duration.ofSeconds(1))) {
            assertTrue(Files.exists(RunLock.fileOf(run)), "released by close, taken again");
        }
    }
}
