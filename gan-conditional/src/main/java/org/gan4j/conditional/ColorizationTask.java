package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;

/**
 * Colorization: G receives the luma Y = 0.299R + 0.587G + 0.114B (one channel) and paints the RGB
 * image, whose luma is then set back to the given Y (x̂ = G + (Y − luma(G)), clipped), so G decides
 * colour only; the baseline is the gray image as RGB (every channel = Y).
 */
public final class ColorizationTask extends ImageTask {

    @Override
    public ModelSpec modelSpec(Shape sampleShape, int numClasses, int latentDim) {
        long[] s = imageShape(sampleShape, "colorization");
        if (s[0] != 3) {
            throw new IllegalArgumentException("colorization needs RGB data (3 channels), but the data has " + s[0]
                    + "; set the data source's channels: 3");
        }
        return new ModelSpec(sampleShape, latentDim, 0, new Shape(1, s[1], s[2]));
    }

    @Override
    public ConditionalPair pair(NDManager manager, Batch clean, long seed) {
        NDArray rgb = clean.samples();
        return ConditionalPair.of(luma(rgb), rgb);
    }

    /** Y = 0.299R + 0.587G + 0.114B of (B, 3, H, W), as (B, 1, H, W); affine, so [−1, 1] stays [−1, 1]. */
    static NDArray luma(NDArray rgb) {
        NDArray weights = rgb.getManager().create(new float[] {0.299f, 0.587f, 0.114f}, new Shape(1, 3, 1, 1));
        return rgb.mul(weights).sum(new int[] {1}, true);
    }

    /** Keeps the known luminance: adding the same δ = Y − luma(G) to R, G and B moves luma by exactly δ. */
    @Override
    public NDArray compose(ConditionalPair pair, NDArray generated) {
        return generated.add(pair.condition().sub(luma(generated))).clip(-1, 1);
    }

    @Override
    public Optional<NDArray> baseline(ConditionalPair pair) {
        return Optional.of(toRgb(pair.condition()));
    }
}
