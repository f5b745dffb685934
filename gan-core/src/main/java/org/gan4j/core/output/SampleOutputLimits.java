package org.gan4j.core.output;

import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.gan4j.core.RunException;

/**
 * How many samples one output image can hold, checked before any sample is drawn: an image grid at most
 * {@value #MAX_SIDE} pixels per side (a 8192×8192 RGB image is 256 MB in memory, within the default
 * heap next to the samples), a chart of 1-D or 2-D samples at most {@value #MAX_POINTS} points (more
 * would be one blot and take minutes to draw).
 */
public final class SampleOutputLimits {
    public static final int MAX_SIDE = 8192;
    public static final int MAX_POINTS = 100_000;

    private SampleOutputLimits() {}

    /** A square grid of {@code n} images of height × width, as {@code gan sample} draws unconditional images. */
    public static void checkSquareGrid(long n, int height, int width) {
        check(n, k -> fits(ImageGrid.size(k, height, width, squareColumns(k), false)),
                ImageGrid.size(n, height, width, squareColumns(n), false), height, width);
    }

    /**
     * A grid whose layout follows {@code n}: {@code layout} gives {images, columns} for a sample count
     * (conditional runs: a row per class, or a row per example with up to four titled columns).
     */
    public static void checkGrid(long n, int height, int width, LongFunction<long[]> layout, boolean titled) {
        check(n, k -> fits(size(layout.apply(k), height, width, titled)), size(layout.apply(n), height, width, titled),
                height, width);
    }

    private static long[] size(long[] imagesAndColumns, int height, int width, boolean titled) {
        return ImageGrid.size(imagesAndColumns[0], height, width, (int) Math.min(Integer.MAX_VALUE, imagesAndColumns[1]),
                titled);
    }

    /** A chart of 1-D or 2-D samples. */
    public static void checkPoints(long n) {
        if (n > MAX_POINTS) {
            throw new RunException("--n " + n + " is more than a chart of 1-D or 2-D samples holds: at most "
                    + MAX_POINTS + " points (more would be one blot and slow to draw)");
        }
    }

    static int squareColumns(long n) {
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(Math.sqrt(n)));
    }

    private static boolean fits(long[] size) {
        return size[0] <= MAX_SIDE && size[1] <= MAX_SIDE;
    }

    private static void check(long n, LongPredicate fits, long[] size, int height, int width) {
        if (fits.test(n)) {
            return;
        }
        long low = 0;
        long high = n; // the largest n that fits lies in [low, high)
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (fits.test(mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        throw new RunException("--n " + n + " samples of " + height + "×" + width + " pixels make a grid of "
                + size[0] + "×" + size[1] + " pixels; an output image holds at most " + MAX_SIDE + " pixels per "
                + "side, so --n can be at most " + low + " here");
    }
}
