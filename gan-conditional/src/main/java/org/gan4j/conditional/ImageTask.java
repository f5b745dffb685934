package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Optional;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.conditional.ConditionalTask;

/**
 * What the image-to-image tasks share: the reconstruction term λ·‖output − target‖ (L1 by default,
 * as pix2pix) added to G's adversarial loss, and the (C, H, W) shape checks.
 */
abstract class ImageTask implements ConditionalTask {

    @JsonPropertyDescription("reconstruction term added to G's loss: l1 (pix2pix), l2, or none (adversarial only)")
    private String reconstruction = "l1";

    @JsonPropertyDescription("weight λ of the reconstruction term (pix2pix: 100)")
    private double reconstructionWeight = 100;

    public String getReconstruction() {
        return reconstruction;
    }

    public void setReconstruction(String reconstruction) {
        this.reconstruction = ConfigChecks.oneOf(reconstruction, List.of("l1", "l2", "none"));
    }

    public double getReconstructionWeight() {
        return reconstructionWeight;
    }

    public void setReconstructionWeight(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("must be a finite number >= 0, got " + weight);
        }
        this.reconstructionWeight = weight;
    }

    /** λ·mean|output − target| (or the squared error), over the pixels the task says count. */
    @Override
    public Optional<NDArray> reconstructionLoss(ConditionalPair pair, NDArray output) {
        if (reconstruction.equals("none") || reconstructionWeight == 0) {
            return Optional.empty();
        }
        NDArray diff = output.sub(pair.target());
        NDArray error = reconstruction.equals("l1") ? diff.abs() : diff.square();
        return Optional.of(meanOverCountedPixels(error, pair).mul(reconstructionWeight));
    }

    /** The mean of a per-pixel error over the pixels G is responsible for (all, unless the task masks). */
    NDArray meanOverCountedPixels(NDArray error, ConditionalPair pair) {
        return error.mean();
    }

    /** Checks the data is images (C, H, W) and returns the shape as an array. */
    static long[] imageShape(Shape sampleShape, String task) {
        long[] s = sampleShape.getShape();
        if (s.length != 3) {
            throw new IllegalArgumentException(task + " needs image data of shape (C, H, W), but the data's samples "
                    + "have shape " + sampleShape + "; use a data source of images");
        }
        return s;
    }

    /** Repeats a one-channel batch (B, 1, H, W) to three channels for display or as an RGB baseline. */
    static NDArray toRgb(NDArray gray) {
        return gray.repeat(1, 3);
    }
}
