package org.gan4j.core.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.gan4j.api.support.AtomicFiles;
import org.gan4j.core.RunException;

/**
 * The rule for an image gan4j writes where the user asked ({@code gan sample --out}): the format follows
 * the extension (PNG: {@code .png}; JPEG: {@code .jpg}, {@code .jpeg}) and any other is refused; an
 * existing file is replaced only when it is an earlier output of gan4j or {@code overwrite} is given;
 * path problems are named with the user's path, checked before any work, never with a temporary name.
 *
 * <p>An earlier output is recognised by its stamp: the PNG text chunk {@code Software: gan4j sample}, or
 * the JPEG comment {@code gan4j sample}, which every image written here carries.
 */
public final class UserImageFile {
    /** The stamp an image written here carries; an existing file with it may be replaced. */
    public static final String STAMP = "gan4j sample";
    private static final int STAMP_SEARCH_BYTES = 512;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The accepted formats, by extension. */
    public enum Format { PNG, JPEG }

    private final Path path;
    private final String option;
    private final Format format;
    private final boolean overwrite;

    private UserImageFile(Path path, String option, Format format, boolean overwrite) {
        this.path = path;
        this.option = option;
        this.format = format;
        this.overwrite = overwrite;
    }

    /**
     * Checks {@code path} (given with {@code option}, e.g. {@code --out}) before any work: extension, a
     * folder in the way, a parent that is a file, an existing file that is not an earlier output.
     */
    public static UserImageFile check(Path path, String option, boolean overwrite) {
        if (Files.isDirectory(path)) {
            throw new RunException(option + " " + path + " is a folder; name an image file, e.g. "
                    + path.resolve("samples.png"));
        }
        Format format = formatOf(path, option);
        UserImageFile file = new UserImageFile(path, option, format, overwrite);
        file.checkPlace();
        return file;
    }

    public Path path() {
        return path;
    }

    public Format format() {
        return format;
    }

    private static Format formatOf(Path path, String option) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return Format.JPEG;
        }
        int dot = name.lastIndexOf('.');
        throw new RunException(option + " " + path + ": the format follows the extension; accepted: .png (PNG), "
                + ".jpg or .jpeg (JPEG), got " + (dot < 0 ? "no extension" : "'" + name.substring(dot) + "'"));
    }

    private void checkPlace() {
        if (Files.isDirectory(path)) {
            throw refuse("is a folder; name an image file, e.g. " + path.resolve("samples.png"));
        }
        // The nearest existing folder above the file, as the user wrote it (a relative path ends at ".").
        Path ancestor = path.getParent() != null ? path.getParent() : Path.of(".");
        while (!Files.exists(ancestor) && ancestor.getParent() != null) {
            ancestor = ancestor.getParent();
        }
        if (!Files.exists(ancestor)) {
            ancestor = Path.of(".");
        }
        if (!Files.isDirectory(ancestor)) {
            throw refuse("cannot be created: " + ancestor + " is a file, not a folder");
        }
        if (!Files.isWritable(ancestor)) {
            throw refuse("cannot be written: permission denied in " + ancestor);
        }
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw refuse("exists and is not a regular file; choose another " + option);
            }
            if (!overwrite && !isEarlierOutput(path)) {
                throw refuse("exists and is not an earlier output of gan sample (no '" + STAMP + "' stamp); "
                        + "pass --overwrite to replace it, or choose another " + option);
            }
        }
    }

    /** Whether {@code file} is an image this class wrote (its stamp is within its first bytes). */
    public static boolean isEarlierOutput(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(STAMP_SEARCH_BYTES);
        } catch (IOException e) {
            return false;
        }
        boolean png = startsWith(head, PNG_SIGNATURE);
        boolean jpeg = head.length > 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
        return (png || jpeg) && new String(head, StandardCharsets.ISO_8859_1).contains(STAMP);
    }

    /** Encodes {@code image} in the file's format with the stamp, and writes it atomically. */
    public void write(BufferedImage image) {
        checkPlace(); // the place may have changed while sampling
        try {
            AtomicFiles.write(path, encode(image));
        } catch (AccessDeniedException e) {
            throw refuse("cannot be written: permission denied");
        } catch (FileSystemException e) {
            throw refuse("cannot be written: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException e) {
            throw refuse("cannot be written: " + e.getMessage());
        }
    }

    byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format == Format.PNG) {
            ImageIO.write(image, "png", bytes);
            return stampPng(bytes.toByteArray());
        }
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            // JPEG has no alpha: draw onto an opaque RGB image first.
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = rgb.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        if (!ImageIO.write(rgb, "jpeg", bytes)) {
            throw new IOException("no JPEG writer available");
        }
        return stampJpeg(bytes.toByteArray());
    }

    /** Inserts a tEXt chunk {@code Software\0gan4j sample} right after IHDR (signature 8 + IHDR 25 bytes). */
    static byte[] stampPng(byte[] png) {
        byte[] text = ("Software\0" + STAMP).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length + 12);
        int afterIhdr = 8 + 25;
        out.write(png, 0, afterIhdr);
        writeInt(out, text.length);
        out.write(type, 0, 4);
        out.write(text, 0, text.length);
        writeInt(out, (int) crc.getValue());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** Inserts a COM segment after SOI and the JFIF APP0 segment, if any. */
    static byte[] stampJpeg(byte[] jpeg) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        byte[] text = STAMP.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xFE);
        int length = text.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(text, 0, text.length);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private RunException refuse(String why) {
        return new RunException(option + " " + path + " " + why);
    }
}
