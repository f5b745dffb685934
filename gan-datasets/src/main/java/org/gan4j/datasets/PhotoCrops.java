package org.gan4j.datasets;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gan4j.api.data.Batch;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.data.StreamSeeds;

/**
 * Random square crops from a few photographs, sampled afresh for every batch.
 *
 * <p>The right-most {@code holdout} fraction of every photograph's columns (rounded to whole columns)
 * is held out: {@link #batch} crops only from the training part to its left, so a training crop never
 * touches a held-out column, and {@link #heldOut()} serves crops from the held-out strips only. A crop
 * is drawn by choosing a photograph with probability proportional to the area (pixels) of its part,
 * then a position uniformly among those where the whole crop lies inside that part, then (training
 * only, when {@code flip}) a horizontal mirror with probability 1/2. Batch {@code index} of stream
 * {@code seed} uses the random numbers of {@link StreamSeeds#derive}(seed, index) alone, so it is the
 * same array whenever it is asked for. Samples have shape (C, crop, crop), values in [−1, 1], no labels.
 */
final class PhotoCrops implements SampleSource {
    private final List<Photo> photos;
    private final int crop;
    private final int channels;
    private final boolean flip;
    /** First column and end column (exclusive) of the part crops come from, per photograph. */
    private final int[] from;
    private final int[] to;
    /** First held-out column per photograph (its width when nothing is held out). */
    private final int[] heldFrom;
    /** Running sums of the parts' areas, for choosing a photograph. */
    private final double[] cumulativeArea;
    /** The held-out view; this when there is none (holdout 0, or this is the held-out view). */
    private final PhotoCrops heldOut;

    /**
     * Splits the photographs and checks that every part can hold a crop.
     *
     * @param photos the photographs, already scaled, all with the same number of channels
     * @param crop side of the square crops in pixels
     * @param holdout fraction of every photograph's columns, on its right, kept for evaluation; 0: none
     * @param flip mirror training crops horizontally with probability 1/2
     * @throws IllegalArgumentException naming the photograph whose part is smaller than a crop
     */
    PhotoCrops(List<Photo> photos, int crop, double holdout, boolean flip) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no images to crop from");
        }
        if (crop <= 0) {
            throw new IllegalArgumentException("crop_size must be a positive integer, got " + crop);
        }
        if (!(holdout >= 0 && holdout < 1)) {
            throw new IllegalArgumentException("holdout must be in [0, 1), got " + holdout);
        }
        int n = photos.size();
        int c = photos.get(0).channels();
        int[] split = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            Photo p = photos.get(i);
            if (p.channels() != c) {
                throw new IllegalArgumentException(p.name() + ": " + p.channels() + " channels, but "
                        + photos.get(0).name() + " has " + c);
            }
            widths[i] = p.width();
            split[i] = p.width() - heldColumns(p.width(), holdout);
            check(p, crop, holdout, split[i]);
        }
        this.photos = List.copyOf(photos);
        this.crop = crop;
        this.channels = c;
        this.flip = flip;
        this.from = new int[n];
        this.to = split;
        this.heldFrom = split;
        this.cumulativeArea = cumulativeAreas(this.photos, from, to);
        this.heldOut = holdout == 0 ? this : new PhotoCrops(this.photos, crop, split, widths);
    }

    /** The held-out view: crops from columns [split, width) of every photograph, never mirrored. */
    private PhotoCrops(List<Photo> photos, int crop, int[] split, int[] widths) {
        this.photos = photos;
        this.crop = crop;
        this.channels = photos.get(0).channels();
        this.flip = false;
        this.from = split;
        this.to = widths;
        this.heldFrom = split;
        this.cumulativeArea = cumulativeAreas(photos, from, to);
        this.heldOut = this;
    }

    /** Columns held out on the right of a photograph {@code width} pixels wide. */
    static int heldColumns(int width, double holdout) {
        return (int) Math.round(holdout * width);
    }

    private static void check(Photo p, int crop, double holdout, int split) {
        int w = p.width();
        int h = p.height();
        int held = w - split;
        if (h < crop || w < crop) {
            throw new IllegalArgumentException(p.name() + ": " + w + "×" + h + " pixels after scaling, smaller "
                    + "than crop_size " + crop + "; lower crop_size or raise max_side (0 keeps the full size)");
        }
        if (holdout > 0 && held < crop) {
            String what = 2 * crop > w
                    ? "lower crop_size, raise max_side, or set holdout: 0 (no held-out part)"
                    : "raise holdout to at least " + fraction(Math.ceil(100.0 * crop / w) / 100)
                            + ", lower crop_size, raise max_side, or set holdout: 0 (no held-out part)";
            throw new IllegalArgumentException(p.name() + ": the held-out strip is " + held + " columns wide "
                    + "(holdout " + fraction(holdout) + " of the scaled width " + w + "), narrower than crop_size "
                    + crop + "; " + what);
        }
        if (split < crop) {
            throw new IllegalArgumentException(p.name() + ": the training part is " + split + " columns wide "
                    + "(the scaled width " + w + " less the held-out strip of " + held + " = holdout "
                    + fraction(holdout) + "), narrower than crop_size " + crop + "; lower holdout, lower "
                    + "crop_size, or raise max_side");
        }
    }

    private static String fraction(double value) {
        String s = String.format(Locale.ROOT, "%.4f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    private static double[] cumulativeAreas(List<Photo> photos, int[] from, int[] to) {
        double[] sums = new double[photos.size()];
        double sum = 0;
        for (int i = 0; i < sums.length; i++) {
            sum += (double) (to[i] - from[i]) * photos.get(i).height();
            sums[i] = sum;
        }
        return sums;
    }

    /** The photographs as scaled (for tests and messages). */
    List<Photo> photos() {
        return photos;
    }

    /** First column of the held-out strip of photograph {@code i} (its width when nothing is held out). */
    int heldOutStart(int i) {
        return heldFrom[i];
    }

    int cropSize() {
        return crop;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(channels, crop, crop);
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public SampleSource heldOut() {
        return heldOut;
    }

    @Override
    public Batch batch(NDManager manager, long seed, long index, int batchSize) {
        if (batchSize <= 0 || index < 0) {
            throw new IllegalArgumentException("batch size must be > 0 and index >= 0, got "
                    + batchSize + " and " + index);
        }
        int sampleSize = channels * crop * crop;
        float[] out = new float[Math.multiplyExact(batchSize, sampleSize)];
        Random random = new Random(StreamSeeds.derive(seed, index));
        double total = cumulativeArea[cumulativeArea.length - 1];
        for (int i = 0; i < batchSize; i++) {
            int p = choose(random.nextDouble() * total);
            Photo photo = photos.get(p);
            int x = from[p] + random.nextInt(to[p] - from[p] - crop + 1);
            int y = random.nextInt(photo.height() - crop + 1);
            boolean mirror = flip && random.nextBoolean();
            copy(photo, x, y, mirror, out, i * sampleSize);
        }
        return new Batch(manager.create(out, new Shape(batchSize, channels, crop, crop)), null);
    }

    /** The photograph whose share of the total area holds {@code u}. */
    private int choose(double u) {
        int at = Arrays.binarySearch(cumulativeArea, u);
        int i = at >= 0 ? at + 1 : -at - 1; // the first running sum > u
        return Math.min(i, cumulativeArea.length - 1);
    }

    private void copy(Photo photo, int x, int y, boolean mirror, float[] out, int offset) {
        float[] pixels = photo.pixels();
        int w = photo.width();
        int h = photo.height();
        for (int c = 0; c < channels; c++) {
            for (int row = 0; row < crop; row++) {
                int src = (c * h + y + row) * w + x;
                int dst = offset + (c * crop + row) * crop;
                if (mirror) {
                    for (int k = 0; k < crop; k++) {
                        out[dst + k] = pixels[src + crop - 1 - k];
                    }
                } else {
                    System.arraycopy(pixels, src, out, dst, crop);
                }
            }
        }
    }
}
