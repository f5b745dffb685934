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
 * reconstruction term counts the hole only. Baselines: the known pixels' mean colour, or diffusion
 * (the harmonic fill: Laplace's equation ∇²x = 0 inside the hole with the known pixels as boundary).
 */
public final class InpaintingTask extends ImageTask {

    @JsonPropertyDescription("the hole: center (a square), random (a square anywhere it fits, per image), or "
            + "free-form (random brush strokes covering the square's area, per image)")
    private String hole = "center";

    @JsonPropertyDescription("side of the square hole as a fraction of the image side, in (0, 1); free-form strokes "
            + "cover the same area")
    private double holeSize = 0.5;

    @JsonPropertyDescription("the non-learned answer reported beside the model: mean (the known pixels' mean colour) "
            + "or diffusion (harmonic fill from the hole's border)")
    private String baseline = "mean";

    @JsonPropertyDescription("what G sees in the hole: zero (mid-gray), mean or diffusion (a first guess that a "
            + "residual generator then corrects; diffusion costs ~20 ms of host time per batch of 16 32x32 crops)")
    private String fill = "zero";

    public String getHole() {
        return hole;
    }

    public void setHole(String hole) {
        this.hole = ConfigChecks.oneOf(hole, List.of("center", "random", "free-form"));
    }

    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = ConfigChecks.oneOf(baseline, List.of("mean", "diffusion"));
    }

    public String getFill() {
        return fill;
    }

    public void setFill(String fill) {
        this.fill = ConfigChecks.oneOf(fill, List.of("zero", "mean", "diffusion"));
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
        NDArray known = filled(target, mask, fill);
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
            if (hole.equals("free-form")) {
                FreeFormMask.draw(mask, i * h * w, h, w, (double) hh * hw / (h * w), random);
                continue;
            }
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

    /** The configured baseline: {@link #filled} by mean or diffusion. */
    @Override
    public Optional<NDArray> baseline(ConditionalPair pair) {
        return Optional.of(filled(pair.target(), pair.mask(), baseline));
    }

    /**
     * The images with their holes filled without learning: zero (mid-gray); mean (each image's known
     * pixels' mean colour, per channel); or diffusion (the harmonic fill, started from the mean).
     */
    static NDArray filled(NDArray target, NDArray mask, String how) {
        NDArray keep = mask.neg().add(1);
        if (how.equals("zero")) {
            return target.mul(keep);
        }
        NDArray mean = target.mul(keep).sum(new int[] {2, 3}, true).div(keep.sum(new int[] {2, 3}, true));
        NDArray meanFill = target.mul(keep).add(mean.mul(mask)); // (B, C, 1, 1) spread over the hole
        if (how.equals("mean")) {
            return meanFill;
        }
        Shape shape = target.getShape();
        float[] harmonic = Diffusion.fill(meanFill.toFloatArray(), mask.toFloatArray(), (int) shape.get(0),
                (int) shape.get(1), (int) shape.get(2), (int) shape.get(3));
        return target.getManager().create(harmonic, shape);
    }

    /** The masked image the generator sees (the hole as filled by {@code fill}). */
    @Override
    public Optional<NDArray> preview(ConditionalPair pair) {
        long channels = pair.target().getShape().get(1);
        return Optional.of(pair.condition().get(":, 0:{}", channels));
    }
}
