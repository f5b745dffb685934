package org.gan4j.datasets;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;

/** The settings every random-crop source shares (see {@link PhotoCrops}): scaling, held-out strip, flips. */
abstract class CropOptions {

    @JsonPropertyDescription("random crops: each image is first scaled down (area averaging) so its longer side is at "
            + "most this many pixels; 0: keep the full size")
    private int maxSide = 256;

    @JsonPropertyDescription("random crops: fraction of every image's columns, on its right, held out for evaluation: "
            + "training crops never touch it; in [0, 1), 0: nothing held out")
    private double holdout = 0.2;

    @JsonPropertyDescription("random crops: mirror training crops horizontally with probability 1/2 (held-out crops "
            + "never are)")
    private boolean flip = true;

    public int getMaxSide() {
        return maxSide;
    }

    public void setMaxSide(int maxSide) {
        this.maxSide = ConfigChecks.nonNegative(maxSide);
    }

    public double getHoldout() {
        return holdout;
    }

    public void setHoldout(double holdout) {
        this.holdout = ConfigChecks.inRange(holdout, 0, 1, true);
    }

    public boolean isFlip() {
        return flip;
    }

    public void setFlip(boolean flip) {
        this.flip = flip;
    }

    /** crop_size must not exceed max_side: no scaled image could hold a crop. */
    static void checkCropFits(int cropSize, int maxSide) {
        if (maxSide > 0 && cropSize > maxSide) {
            throw new IllegalArgumentException("crop_size: " + cropSize + " is larger than max_side " + maxSide
                    + " (every image's longer side is scaled to at most max_side); lower crop_size or raise "
                    + "max_side (0 keeps the full size)");
        }
    }
}
