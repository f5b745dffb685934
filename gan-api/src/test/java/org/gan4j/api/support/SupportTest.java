package org.gan4j.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            return s.toList();
        }
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out/a.txt");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void failedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("out/a.bin");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(9);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(3, Files.size(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void resultPrefixIsEmptyOrLowerSnakeCase() {
        assertEquals("", ResultKeys.prefix(""));
        assertEquals("ring_2", ResultKeys.prefix("ring_2"));
        for (String bad : new String[] {"Ring_", "2ring", "ring-", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultKeys.prefix(bad));
            assertTrue(e.getMessage().endsWith("got '" + bad + "'"), e.getMessage());
        }
    }
}
