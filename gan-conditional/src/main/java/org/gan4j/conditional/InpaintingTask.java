package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;

/**
 * Inpainting: a rectangular hole (mask m = 1 inside) is cut from x; G sees the masked image (hole
 * at 0, mid-gray) and the mask, and its answer is pasted into the hole: x̂ = m·G + (1 − m)·x. The
 * reconstruction term counts the hole only; the baseline fills the hole with the known pixels' mean
 * colour.
 */
public final class InpaintingTask extends ImageTask {

    @JsonPropertyDescription("where the hole goes: center, or random (anywhere it fits, per image)")
    private String hole = "center";

    @JsonPropertyDescription("side of the square hole as a fraction of the image side, in (0, 1)")
    private double holeSize = 0.5;

    public String getHole() {
        return hole;
    }

    public void setHole(String hole) {
        this.hole = ConfigChecks.oneOf(hole, List.of("center", "random"));
    }

    public double getHoleSize() {
        return holeSize;
    }

    public void setHoleSize(double holeSize) {
        if (!(holeSize > 0 && holeSize < 1)) {
            throw new IllegalArgumentException("must be a fraction of the image side in (0, 1), got " + holeSize);
        }
        this.holeSize = holeSize;
    }

    @Override
    public ModelSpec modelSpec(Shape sampleShape, int numClasses, int latentDim) {
        long[] s = imageShape(sampleShape, "inpainting");
        if (holeSide(s[1]) < 1 || holeSide(s[2]) < 1) {
            throw new IllegalArgumentException("hole_size " + holeSize + " leaves no hole in " + s[1] + "x" + s[2]
                    + " images; use a larger fraction");
        }
        return new ModelSpec(sampleShape, latentDim, 0, new Shape(s[0] + 1, s[1], s[2]));
    }

    private int holeSide(long side) {
        return (int) Math.round(side * holeSize);
    }

    @Override
    public ConditionalPair pair(NDManager manager, Batch clean, long seed) {
        NDArray target = clean.samples();
        NDArray mask = masks(manager, target.getShape(), seed);
        NDArray known = target.mul(mask.neg().add(1));
        return new ConditionalPair(NDArrays.concat(new NDList(known, mask), 1), target, mask);
    }

    /** Masks (B, 1, H, W) with 1 inside each image's hole; random holes are drawn from {@code seed}. */
    NDArray masks(NDManager manager, Shape shape, long seed) {
        int b = (int) shape.get(0);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        int hh = holeSide(h);
        int hw = holeSide(w);
        SplittableRandom random = new SplittableRandom(seed);
        float[] mask = new float[b * h * w];
        for (int i = 0; i < b; i++) {
            int top = hole.equals("center") ? (h - hh) / 2 : random.nextInt(h - hh + 1);
            int left = hole.equals("center") ? (w - hw) / 2 : random.nextInt(w - hw + 1);
            for (int y = top; y < top + hh; y++) {
                java.util.Arrays.fill(mask, i * h * w + y * w + left, i * h * w + y * w + left + hw, 1f);
            }
        }
        return manager.create(mask, new Shape(b, 1, h, w));
    }

    /** x̂ = m·G(…) + (1 − m)·x: the known pixels are kept exactly. */
    @Override
    public NDArray compose(ConditionalPair pair, NDArray generated) {
        NDArray m = pair.mask();
        return generated.mul(m).add(pair.target().mul(m.neg().add(1)));
    }

    /** The hole's mean error: Σ m·e / (C·Σ m), so the term does not shrink with the hole. */
    @Override
    NDArray meanOverCountedPixels(NDArray error, ConditionalPair pair) {
        long channels = error.getShape().get(1);
        return error.mul(pair.mask()).sum().div(pair.mask().sum().mul(channels));
    }

    /** Mean fill: each image's hole takes the mean colour of its known pixels, per channel. */
    @Override
    public Optional<NDArray> baseline(ConditionalPair pair) {
        NDArray m = pair.mask();
        NDArray keep = m.neg().add(1);
        NDArray knownSum = pair.target().mul(keep).sum(new int[] {2, 3}, true);
        NDArray knownCount = keep.sum(new int[] {2, 3}, true);
        NDArray mean = knownSum.div(knownCount); // (B, C, 1, 1)
        return Optional.of(compose(pair, mean.broadcast(pair.target().getShape())));
    }

    /** The masked image the generator sees (the hole mid-gray). */
    @Override
    public Optional<NDArray> preview(ConditionalPair pair) {
        long channels = pair.target().getShape().get(1);
        return Optional.of(pair.condition().get(":, 0:{}", channels));
    }
}
