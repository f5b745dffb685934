package org.gan4j.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.core.RunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserImageFileTest {
    @TempDir
    Path dir;

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF8800);
        return image;
    }

    @Test
    void theFormatFollowsTheExtensionAndTheImageCarriesTheStamp() throws IOException {
        for (String name : new String[] {"a.png", "b.jpg", "c.JPEG"}) {
            Path file = dir.resolve(name);
            UserImageFile.check(file, "--out", false).write(image());
            BufferedImage back = ImageIO.read(file.toFile());
            assertEquals(30, back.getWidth(), name);
            assertEquals(20, back.getHeight(), name);
            assertTrue(UserImageFile.isEarlierOutput(file), name);
            byte[] head = Files.readAllBytes(file);
            boolean png = name.endsWith(".png");
            assertEquals(png ? 0x89 : 0xFF, head[0] & 0xFF, name);
        }
        assertEquals(0xFF8800, ImageIO.read(dir.resolve("a.png").toFile()).getRGB(3, 4) & 0xFFFFFF);
        RunException e = assertThrows(RunException.class, () -> UserImageFile.check(dir.resolve("a.txt"), "--out", true));
        assertEquals("--out " + dir.resolve("a.txt") + ": the format follows the extension; accepted: .png (PNG), "
                + ".jpg or .jpeg (JPEG), got '.txt'", e.getMessage());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenItIsAnEarlierOutputOrWithOverwrite() throws IOException {
        Path earlier = dir.resolve("grid.png");
        UserImageFile.check(earlier, "--out", false).write(image());
        UserImageFile.check(earlier, "--out", false).write(image()); // an earlier output: replaced

        Path users = dir.resolve("photo.png");
        BufferedImage theirs = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(theirs, "png", users.toFile());
        byte[] before = Files.readAllBytes(users);
        assertFalse(UserImageFile.isEarlierOutput(users));
        RunException e = assertThrows(RunException.class, () -> UserImageFile.check(users, "--out", false));
        assertEquals("--out " + users + " exists and is not an earlier output of gan sample (no 'gan4j sample' stamp); "
                + "pass --overwrite to replace it, or choose another --out", e.getMessage());
        assertEquals(before.length, Files.readAllBytes(users).length);
        UserImageFile.check(users, "--out", true).write(image());
        assertEquals(30, ImageIO.read(users.toFile()).getWidth());
    }

    @Test
    void pathProblemsNameTheUsersPath() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.png"));
        RunException e = assertThrows(RunException.class, () -> UserImageFile.check(folder, "--out", false));
        assertEquals("--out " + folder + " is a folder; name an image file, e.g. " + folder.resolve("samples.png"),
                e.getMessage());
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        e = assertThrows(RunException.class, () -> UserImageFile.check(file.resolve("sub/x.png"), "--out", false));
        assertEquals("--out " + file.resolve("sub/x.png") + " cannot be created: " + file + " is a file, not a folder",
                e.getMessage());
        UserImageFile.check(dir.resolve("new/dir/x.png"), "--out", false).write(image());
        assertTrue(Files.isRegularFile(dir.resolve("new/dir/x.png")));
    }

    @Test
    void nIsBoundedByWhatTheImageCanHold() {
        SampleOutputLimits.checkSquareGrid(64, 28, 28);
        SampleOutputLimits.checkPoints(SampleOutputLimits.MAX_POINTS);
        RunException e = assertThrows(RunException.class, () -> SampleOutputLimits.checkSquareGrid(100_000_000, 28, 28));
        // 30-pixel cells: 273 columns fit in 8192 pixels (273·30 + 2 = 8192), so 273² = 74529 images.
        assertEquals("--n 100000000 samples of 28×28 pixels make a grid of 300002×300002 pixels; an output image "
                + "holds at most 8192 pixels per side, so --n can be at most 74529 here", e.getMessage());
        SampleOutputLimits.checkSquareGrid(74_529, 28, 28);
        assertThrows(RunException.class, () -> SampleOutputLimits.checkSquareGrid(74_530, 28, 28));
        e = assertThrows(RunException.class, () -> SampleOutputLimits.checkPoints(100_000_000));
        assertTrue(e.getMessage().contains("at most 100000 points"), e.getMessage());
    }
}
