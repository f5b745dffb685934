package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gan4j.api.augment.Augmentation;

/**
 * DiffAugment (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient GAN Training"), the authors'
 * three policies with their constants, each drawn per image, applied in the order listed, on images in [−1, 1]:
 *
 * <pre>
 *   color:       x ← x + (r₁ − ½)                                       (brightness)
 *                x ← (x − mean_c x) · 2r₂ + mean_c x                      (saturation; mean over channels)
 *                x ← (x − mean_chw x) · (r₃ + ½) + mean_chw x             (contrast; mean over the image)
 *   translation: x moved by whole pixels drawn uniformly from [−H/8, H/8] and [−W/8, W/8], zero border
 *   cutout:      a square of half the image's side, at a uniform centre, set to 0
 * </pre>
 *
 * r uniform in [0, 1). Every operation is differentiable in x (sums, products with constants, 0/1 masks and
 * shift matrices), so G's gradient flows through T. The draws come from the seed the trainer passes, one per
 * (run seed, step, batch), so runs are reproducible.
 */
public final class DiffAugment implements Augmentation {
    static final String NAME = "diffaugment";
    static final List<String> POLICIES = List.of("color", "translation", "cutout");

    @JsonPropertyDescription("policies applied in order: color, translation, cutout (any of them)")
    private List<String> policies = POLICIES;

    @Override
    public NDArray apply(NDArray images, long seed) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("DiffAugment augments images (N, C, H, W); these samples have shape "
                    + shape.slice(1) + " (use augment: with image data)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        NDArray x = images;
        for (String policy : policies) {
            x = switch (policy) {
                case "color" -> color(x, random);
                case "translation" -> translation(x, random);
                case "cutout" -> cutout(x, random);
                default -> throw new IllegalStateException("unchecked policy " + policy);
            };
        }
        return x;
    }

    /** Per-image uniform draws in [0, 1) as an (N, 1, 1, 1) array in x's manager. */
    private static NDArray perImage(NDArray x, SplittableRandom random) {
        int n = (int) x.getShape().get(0);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = (float) random.nextDouble();
        }
        return x.getManager().create(r, new Shape(n, 1, 1, 1));
    }

    static NDArray color(NDArray x, SplittableRandom random) {
        NDArray brightness = perImage(x, random).sub(0.5f);
        NDArray saturation = perImage(x, random).mul(2f);
        NDArray contrast = perImage(x, random).add(0.5f);
        x = x.add(brightness);
        NDArray channelMean = x.mean(new int[] {1}, true);
        x = x.sub(channelMean).mul(saturation).add(channelMean);
        // over the flattened image: DJL's PyTorch engine reduces over one axis at a time
        NDArray imageMean = x.reshape(x.getShape().get(0), -1).mean(new int[] {1}, true).reshape(-1, 1, 1, 1);
        return x.sub(imageMean).mul(contrast).add(imageMean);
    }

    static NDArray translation(NDArray x, SplittableRandom random) {
        int n = (int) x.getShape().get(0);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        int[] dys = new int[n];
        int[] dxs = new int[n];
        for (int i = 0; i < n; i++) {
            dys[i] = random.nextInt(-(h / 8), h / 8 + 1);
            dxs[i] = random.nextInt(-(w / 8), w / 8 + 1);
        }
        return FlipTranslate.shift(x, new boolean[n], dys, dxs);
    }

    static NDArray cutout(NDArray x, SplittableRandom random) {
        int n = (int) x.getShape().get(0);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        int sh = h / 2;
        int sw = w / 2;
        float[] mask = new float[n * h * w];
        java.util.Arrays.fill(mask, 1f);
        for (int i = 0; i < n; i++) { // the authors' offsets: centre in [0, size + (1 − cut % 2)), square clipped
            int cy = random.nextInt(h + (1 - sh % 2));
            int cx = random.nextInt(w + (1 - sw % 2));
            for (int y = Math.max(0, cy - sh / 2); y < Math.min(h, cy - sh / 2 + sh); y++) {
                for (int xx = Math.max(0, cx - sw / 2); xx < Math.min(w, cx - sw / 2 + sw); xx++) {
                    mask[(i * h + y) * w + xx] = 0f;
                }
            }
        }
        NDManager manager = x.getManager();
        return x.mul(manager.create(mask, new Shape(n, 1, h, w)));
    }

    public List<String> getPolicies() {
        return policies;
    }

    public void setPolicies(List<String> policies) {
        if (policies == null || policies.isEmpty()) {
            throw new IllegalArgumentException("must list at least one policy of " + POLICIES);
        }
        List<String> checked = new ArrayList<>();
        for (String p : policies) {
            if (!POLICIES.contains(p)) {
                throw new IllegalArgumentException("'" + p + "' is not a DiffAugment policy; expected any of "
                        + String.join(", ", POLICIES));
            }
            checked.add(p);
        }
        this.policies = List.copyOf(checked);
    }
}
