package org.gan4j.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX format of MNIST and Fashion-MNIST, raw or gzipped (detected from the content):
 * a big-endian header (magic 0x00000803 for images, then n, rows, cols; 0x00000801 for labels,
 * then n) followed by the unsigned bytes.
 */
final class IdxFiles {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /** Images read from an IDX3 file: n × rows × cols bytes. */
    record Images(int count, int rows, int cols, byte[] pixels) {}

    /** Opens a stream that can be read from a file or a class path resource. */
    interface Opener {
        InputStream open() throws IOException;
    }

    static Images readImages(Path file, int limit) throws IOException {
        return readImages(file.toString(), () -> Files.newInputStream(file), limit);
    }

    static byte[] readLabels(Path file, int limit) throws IOException {
        return readLabels(file.toString(), () -> Files.newInputStream(file), limit);
    }

    /**
     * Reads an images file.
     *
     * @param name the file's name for messages
     * @param limit read at most this many images, 0 for all
     */
    static Images readImages(String name, Opener opener, int limit) throws IOException {
        try (DataInputStream in = open(name, opener)) {
            int magic = header(in, name, "the magic number");
            if (magic != IMAGES_MAGIC) {
                throw new IOException(name + ": not an IDX images file: magic number is "
                        + hex(magic) + ", expected " + hex(IMAGES_MAGIC)
                        + (magic == LABELS_MAGIC ? " (this is a labels file)" : ""));
            }
            int count = header(in, name, "the image count");
            int rows = header(in, name, "the row count");
            int cols = header(in, name, "the column count");
            if (count <= 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE - 8) {
                throw new IOException(name + ": implausible header: " + count + " images of "
                        + rows + "×" + cols + " pixels");
            }
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] pixels = new byte[n * rows * cols];
            int read = readFully(in, pixels, name);
            if (read < pixels.length) {
                throw new IOException(name + ": truncated: the header announces " + count + " images of "
                        + rows + "×" + cols + " pixels (" + (long) count * rows * cols
                        + " bytes after the 16-byte header) but only " + read + " bytes follow");
            }
            return new Images(n, rows, cols, pixels);
        }
    }

    /** Reads a labels file; {@code limit} as for images. */
    static byte[] readLabels(String name, Opener opener, int limit) throws IOException {
        try (DataInputStream in = open(name, opener)) {
            int magic = header(in, name, "the magic number");
            if (magic != LABELS_MAGIC) {
                throw new IOException(name + ": not an IDX labels file: magic number is "
                        + hex(magic) + ", expected " + hex(LABELS_MAGIC)
                        + (magic == IMAGES_MAGIC ? " (this is an images file)" : ""));
            }
            int count = header(in, name, "the label count");
            if (count <= 0) {
                throw new IOException(name + ": implausible header: " + count + " labels");
            }
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] labels = new byte[n];
            int read = readFully(in, labels, name);
            if (read < labels.length) {
                throw new IOException(name + ": truncated: the header announces " + count
                        + " labels (bytes after the 8-byte header) but only " + read + " bytes follow");
            }
            return labels;
        }
    }

    /** Opens the stream, unzipping it when it starts with the gzip magic bytes 1f 8b. */
    private static DataInputStream open(String name, Opener opener) throws IOException {
        InputStream raw;
        try {
            raw = opener.open();
        } catch (NoSuchFileException e) {
            throw new IOException(name + ": no such file", e);
        }
        if (raw == null) {
            throw new IOException(name + ": not found");
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
            } catch (ZipException | EOFException e) {
                in.close();
                throw new IOException(name + ": corrupt gzip stream: " + e.getMessage(), e);
            }
        }
        return new DataInputStream(in);
    }

    private static int header(DataInputStream in, String name, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: the file ends before " + what + " in its header", e);
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip stream: " + e.getMessage(), e);
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
    private static int readFully(InputStream in, byte[] buffer, String name) throws IOException {
        int total = 0;
        try {
            while (total < buffer.length) {
                int r = in.read(buffer, total, buffer.length - total);
                if (r < 0) {
                    break;
                }
                total += r;
            }
        } catch (EOFException e) {
            // a gzip stream cut in the middle: report it like a short file
            return total;
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip stream: " + e.getMessage(), e);
        }
        return total;
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
