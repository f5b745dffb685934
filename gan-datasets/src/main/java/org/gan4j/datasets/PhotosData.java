package org.gan4j.datasets;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random crops from six colour photographs embedded in this module (CC0 or public domain, from
 * scikit-image's sample data; see {@code photos/LICENSES.txt} next to them): an astronaut, a cat,
 * a coffee cup, the Hubble deep field, a retina and a rocket launch. The right-most {@code holdout}
 * of every photograph is kept for evaluation ({@link SampleSource#heldOut()}); see {@link PhotoCrops}.
 */
public final class PhotosData extends CropOptions implements DataSource, Validated {
    private static final Logger LOG = LoggerFactory.getLogger("gan.data");

    /** Class path folder of the embedded photographs. */
    static final String EMBEDDED = "/org/gan4j/datasets/photos/";

    /** The embedded photographs, in the order they are held. */
    static final List<String> NAMES = List.of("astronaut.png", "chelsea.png", "coffee.png",
            "hubble_deep_field.jpg", "retina.jpg", "rocket.jpg");

    @JsonPropertyDescription("side in pixels of the square random crops")
    private int cropSize = 32;

    @JsonPropertyDescription("3 (RGB) or 1 (gray by luma 0.299R + 0.587G + 0.114B)")
    private int channels = 3;




    public int getCropSize() {
        return cropSize;
    }

    public void setCropSize(int cropSize) {
        this.cropSize = ConfigChecks.positive(cropSize);
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

    @Override
    public void validate() {
        checkCropFits(cropSize, getMaxSide());
    }

    @Override
    public SampleSource open(DataContext context) throws IOException {
        checkCropFits(cropSize, getMaxSide());
        PhotoCrops crops = new PhotoCrops(load(channels, getMaxSide()), cropSize, getHoldout(), isFlip());
        LOG.info("photos: {} embedded photographs (longer side {}), {} crops{}, {}", NAMES.size(),
                getMaxSide() == 0 ? "kept" : "at most " + getMaxSide(), new Shape(channels, cropSize, cropSize),
                isFlip() ? " mirrored at random" : "",
                getHoldout() == 0 ? "nothing held out"
                        : "the right-most " + getHoldout() + " of every photograph's columns held out");
        return crops;
    }

    /** Decodes the six embedded photographs and scales them so their longer side is at most maxSide. */
    static List<Photo> load(int channels, int maxSide) throws IOException {
        try {
            return IntStream.range(0, NAMES.size()).parallel().mapToObj(i -> {
                try {
                    return embedded(NAMES.get(i), channels).fitted(maxSide);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Photo embedded(String name, int channels) throws IOException {
        try (InputStream in = PhotosData.class.getResourceAsStream(EMBEDDED + name)) {
            if (in == null) {
                throw new IOException("the embedded photograph " + EMBEDDED + name
                        + " is missing from the class path (a damaged gan-datasets jar)");
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IOException("the embedded photograph " + EMBEDDED + name + " cannot be decoded");
            }
            return Photo.of(image, name, channels);
        }
    }

    @Override
    public java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.of(new ai.djl.ndarray.types.Shape(channels, cropSize, cropSize));
    }
}
