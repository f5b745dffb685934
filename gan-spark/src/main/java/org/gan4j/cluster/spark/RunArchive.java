package org.gan4j.cluster.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A member's run directory and log as one zip, sent from the worker that trained it to the driver when
 * there is no shared directory: entries {@code run/...} (the run directory) and {@code log}.
 */
final class RunArchive {
    private static final String RUN = "run/";
    private static final String LOG = "log";

    private RunArchive() {}

    static byte[] pack(Path runDir, Path log) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (Files.isDirectory(runDir)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(runDir)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    zip.putNextEntry(new ZipEntry(RUN + runDir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            if (Files.isRegularFile(log)) {
                zip.putNextEntry(new ZipEntry(LOG));
                Files.copy(log, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Replaces {@code runDir} with the archived run directory and appends the archived log to {@code log}. */
    static void unpack(byte[] archive, Path runDir, Path log) throws IOException {
        deleteTree(runDir);
        Files.createDirectories(runDir);
        Files.createDirectories(log.getParent());
        Path root = runDir.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(LOG)) {
                    try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)) {
                        zip.transferTo(out);
                    }
                } else if (e.getName().startsWith(RUN)) {
                    Path target = root.resolve(e.getName().substring(RUN.length())).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("archive entry " + e.getName() + " leaves the run directory");
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** Copies a run directory (replacing the target) and appends a log: shared directory to bench directory. */
    static void copy(Path fromRun, Path fromLog, Path toRun, Path toLog) throws IOException {
        if (fromRun.toAbsolutePath().normalize().equals(toRun.toAbsolutePath().normalize())) {
            return;
        }
        unpack(pack(fromRun, fromLog), toRun, toLog);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
