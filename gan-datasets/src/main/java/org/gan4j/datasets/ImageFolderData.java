package org.gan4j.datasets;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of PNG/JPEG files (searched recursively), each centre-cropped to a square and scaled
 * to size×size, as gray (C = 1, luma 0.299R + 0.587G + 0.114B) or RGB (C = 3) samples in [−1, 1];
 * with sub-folders, the sub-folder under {@code path} names the class (alphabetical ids).
 *
 * <p>With {@code crop_size} > 0 it serves random crop_size×crop_size crops instead, as the
 * {@code photos} source does ({@link PhotoCrops}): each image scaled so its longer side is at most
 * {@code max_side}, the right-most {@code holdout} of its columns held out, no labels.
 */
public final class ImageFolderData extends CropOptions implements DataSource, Validated {
    private static final Logger LOG = LoggerFactory.getLogger("gan.data");
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    @JsonPropertyDescription("folder of .png/.jpg/.jpeg files, optionally one sub-folder per class; required")
    private String path;

    @JsonPropertyDescription("side in pixels every image is scaled to after a centre square crop (dcgan: 28, 32 or 64)")
    private int size = 64;

    @JsonPropertyDescription("1 (gray) or 3 (RGB)")
    private int channels = 3;

    @JsonPropertyDescription("label each image by its sub-folder (ignored when all images lie directly in path)")
    private boolean labels = true;

    @JsonPropertyDescription("use only the first this many images in path order (0: all)")
    private int limit = 0;

    @JsonPropertyDescription("0: whole images (centre square scaled to size); > 0: random square crops of this side "
            + "instead (size and labels are then unused)")
    private int cropSize = 0;

    @JsonPropertyDescription("largest image accepted, in pixels (width × height, read from the file's header before "
            + "decoding); the default 40000000 fits the default heap (-Xmx2g)")
    private long maxPixels = BoundedImageReader.DEFAULT_MAX_PIXELS;




    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("must be a folder path, got an empty value");
        }
        this.path = path;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = ConfigChecks.positive(size);
    }

    public int getChannels() {
        return channels;
    }

    public void setChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("must be 1 (gray) or 3 (RGB), got " + channels);
        }
        this.channels = channels;
    }

    public boolean isLabels() {
        return labels;
    }

    public void setLabels(boolean labels) {
        this.labels = labels;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = ConfigChecks.nonNegative(limit);
    }

    public long getMaxPixels() {
        return maxPixels;
    }

    public void setMaxPixels(long maxPixels) {
        this.maxPixels = ConfigChecks.positive(maxPixels);
    }

    public int getCropSize() {
        return cropSize;
    }

    public void setCropSize(int cropSize) {
        this.cropSize = ConfigChecks.nonNegative(cropSize);
    }

    @Override
    public void validate() {
        if (path == null) {
            throw new IllegalArgumentException("path: required; a folder of PNG or JPEG files (one sub-folder per class for labels)");
        }
        if (cropSize > 0) {
            checkCropFits(cropSize, getMaxSide());
        }
    }

    @Override
    public SampleSource open(DataContext context) throws IOException {
        if (cropSize > 0) {
            checkCropFits(cropSize, getMaxSide());
            return crops(context);
        }
        return new ImageSamples(load(context));
    }

    /** Crop mode: every image decoded, scaled to max_side and split for random crops. */
    PhotoCrops crops(DataContext context) throws IOException {
        Path root = context.resolve(requirePath());
        List<Path> files = imageFiles(root);
        Photo[] photos = new Photo[files.size()];
        try {
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    Path file = files.get(i);
                    photos[i] = Photo.of(read(file), file.toString(), channels).fitted(getMaxSide());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        PhotoCrops crops = new PhotoCrops(List.of(photos), cropSize, getHoldout(), isFlip());
        long values = 0;
        for (Photo photo : photos) {
            values += photo.pixels().length;
        }
        LOG.info("image-folder: {} images from {} (longer side {}, {} MB as floats), {} random crops, {}",
                photos.length, root, getMaxSide() == 0 ? "kept" : "at most " + getMaxSide(), values * 4 / 1_000_000,
                crops.sampleShape(), getHoldout() == 0 ? "nothing held out"
                        : "the right-most " + getHoldout() + " of every image's columns held out");
        return crops;
    }

    private String requirePath() throws IOException {
        if (path == null) {
            throw new IOException("image-folder needs path: a folder of PNG or JPEG files");
        }
        return path;
    }

    /** The image files under root in path order, at most limit of them. */
    private List<Path> imageFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(ImageFolderData::isImage).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(root + ": no PNG or JPEG files (" + String.join(", ", EXTENSIONS) + ") found");
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        return files;
    }

    ImageSet load(DataContext context) throws IOException {
        Path root = context.resolve(requirePath());
        List<Path> files = imageFiles(root);
        int[] ids = labels ? classIds(root, files) : null;
        int sampleSize = channels * size * size;
        if ((long) files.size() * sampleSize > Integer.MAX_VALUE - 8) {
            throw new IOException(root + ": " + files.size() + " images of " + sampleSize
                    + " values do not fit in one in-memory array; set limit or a smaller size");
        }
        byte[] pixels = new byte[files.size() * sampleSize];
        List<Path> list = files;
        try {
            IntStream.range(0, list.size()).parallel().forEach(i -> {
                try {
                    decode(list.get(i), pixels, i * sampleSize);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Shape shape = new Shape(channels, size, size);
        if (ids == null) {
            return new ImageSet(pixels, null, 0, shape, root.toString());
        }
        return new ImageSet(pixels, ids, ImageSet.classCount(ids), shape, root.toString());
    }

    /** Class ids from the first folder level under root, or null when every image lies in root. */
    private static int[] classIds(Path root, List<Path> files) throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        Path loose = null;
        for (Path file : files) {
            Path relative = root.relativize(file);
            if (relative.getNameCount() > 1) {
                classes.add(relative.getName(0).toString());
            } else if (loose == null) {
                loose = file;
            }
        }
        if (classes.isEmpty()) {
            return null;
        }
        if (loose != null) {
            throw new IOException(loose + ": lies directly in " + root + " while other images are in class "
                    + "sub-folders " + classes + "; move it into one, or set labels: false");
        }
        List<String> names = new ArrayList<>(classes);
        LOG.info("image-folder: {} classes from the sub-folders of {}: {}", names.size(), root, names);
        int[] ids = new int[files.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = names.indexOf(root.relativize(files.get(i)).getName(0).toString());
        }
        return ids;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Decodes one file within max_pixels; the message names it when it is no readable image. */
    private BufferedImage read(Path file) throws IOException {
        return BoundedImageReader.read(file, maxPixels);
    }

    /** Reads one file, crops, scales and writes its C·size·size bytes at {@code offset}. */
    private void decode(Path file, byte[] out, int offset) throws IOException {
        BufferedImage image = read(file);
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = toRgb(image.getSubimage(
                (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
        BufferedImage scaled = scale(square, size);
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int at = offset + y * size + x;
                if (channels == 1) {
                    out[at] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    out[at] = (byte) r;
                    out[at + plane] = (byte) g;
                    out[at + 2 * plane] = (byte) b;
                }
            }
        }
    }

    /**
     * An sRGB copy. Gray images are copied sample by sample: Java2D treats their color space as
     * linear and would brighten them when converting to sRGB.
     */
    static BufferedImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Raster raster = image.getRaster();
        boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getNumBands() <= 2;
        if (gray) {
            int shift = Math.max(0, image.getColorModel().getComponentSize(0) - 8);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0) >> shift;
                    rgb.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
            return rgb;
        }
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Scales a square image to side {@code target}, halving step by step first to avoid aliasing. */
    private static BufferedImage scale(BufferedImage image, int target) {
        BufferedImage current = image;
        int side = image.getWidth();
        while (side / 2 >= target) {
            side /= 2;
            current = resize(current, side);
        }
        return side == target ? current : resize(current, target);
    }

    private static BufferedImage resize(BufferedImage image, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    @Override
    public java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.of(cropSize > 0 ? new ai.djl.ndarray.types.Shape(channels, cropSize, cropSize) : new ai.djl.ndarray.types.Shape(channels, size, size));
    }
}
