package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;

/**
 * Super-resolution ×f: the low-resolution image y = downscale_f(x) (area or antialiased bicubic)
 * is given to G upscaled back by bicubic interpolation (pre-upsampling, as SRCNN/VDSR), so G learns
 * to restore the missing detail; the baseline is that bicubic upscaling itself.
 */
public final class SuperResolutionTask extends ImageTask {

    @JsonPropertyDescription("upscaling factor: 2 or 4")
    private int factor = 2;

    @JsonPropertyDescription("how the low-resolution image is made: area (block mean) or bicubic (antialiased)")
    private String downscale = "bicubic";

    public int getFactor() {
        return factor;
    }

    public void setFactor(int factor) {
        if (factor != 2 && factor != 4) {
            throw new IllegalArgumentException("must be 2 or 4, got " + factor);
        }
        this.factor = factor;
    }

    public String getDownscale() {
        return downscale;
    }

    public void setDownscale(String downscale) {
        this.downscale = ConfigChecks.oneOf(downscale, List.of("area", "bicubic"));
    }

    @Override
    public ModelSpec modelSpec(Shape sampleShape, int numClasses, int latentDim) {
        long[] s = imageShape(sampleShape, "super-resolution");
        if (s[1] % factor != 0 || s[2] % factor != 0) {
            throw new IllegalArgumentException("super-resolution x" + factor + " needs image sides divisible by "
                    + factor + ", but the data's images are " + s[1] + "x" + s[2]);
        }
        return new ModelSpec(sampleShape, latentDim, 0, sampleShape);
    }

    @Override
    public ConditionalPair pair(NDManager manager, Batch clean, long seed) {
        NDArray target = clean.samples();
        return ConditionalPair.of(upscale(lowResolution(target)), target);
    }

    /** The low-resolution image the task starts from, (B, C, H/f, W/f). */
    NDArray lowResolution(NDArray target) {
        int h = (int) target.getShape().get(2);
        int w = (int) target.getShape().get(3);
        boolean area = downscale.equals("area");
        return Resampling.apply(target,
                area ? Resampling.areaMatrix(h, h / factor) : Resampling.bicubicMatrix(h, h / factor),
                area ? Resampling.areaMatrix(w, w / factor) : Resampling.bicubicMatrix(w, w / factor));
    }

    private NDArray upscale(NDArray low) {
        int h = (int) low.getShape().get(2);
        int w = (int) low.getShape().get(3);
        NDArray up = Resampling.apply(low, Resampling.bicubicMatrix(h, h * factor),
                Resampling.bicubicMatrix(w, w * factor));
        return up.clip(-1, 1); // bicubic overshoots at edges; keep the image's range
    }

    /** Bicubic upscaling of the low-resolution image: exactly what G receives. */
    @Override
    public Optional<NDArray> baseline(ConditionalPair pair) {
        return Optional.of(pair.condition());
    }

    /** The low-resolution image drawn with square pixels, to show what was lost. */
    @Override
    public Optional<NDArray> preview(ConditionalPair pair) {
        NDArray low = lowResolution(pair.target());
        int h = (int) low.getShape().get(2);
        int w = (int) low.getShape().get(3);
        return Optional.of(Resampling.apply(low, Resampling.nearestMatrix(h, h * factor),
                Resampling.nearestMatrix(w, w * factor)));
    }
}
