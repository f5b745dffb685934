package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * The augmentation T of consistency regularization (Zhao et al. 2020): each image is flipped left-right with
 * probability ½ and translated by a whole number of pixels drawn uniformly from [−s, s] on each axis, s = ⌊size/8⌋,
 * the uncovered border filled with zeros. Written as T(x) = A · x · B with per-image 0/1 matrices A (rows: shift)
 * and B (columns: flip and shift), so one batched product does it and gradients flow through it.
 */
final class FlipTranslate {
    private FlipTranslate() {}

    /** T applied to {@code images} (N, C, H, W) with draws from {@code seed}; the result is in the images' graph. */
    static NDArray apply(NDArray images, long seed) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("consistency regularization augments images (N, C, H, W); these samples "
                    + "have shape " + shape.slice(1) + " (use it with image data)");
        }
        int n = (int) shape.get(0);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] flips = new boolean[n];
        int[] dys = new int[n];
        int[] dxs = new int[n];
        for (int i = 0; i < n; i++) {
            flips[i] = random.nextBoolean();
            dys[i] = random.nextInt(-(h / 8), h / 8 + 1);
            dxs[i] = random.nextInt(-(w / 8), w / 8 + 1);
        }
        return shift(images, flips, dys, dxs);
    }

    /**
     * Image i flipped left-right when {@code flips[i]}, then moved down by {@code dys[i]} and right by {@code dxs[i]}
     * pixels, the uncovered border zero: A · x · B with 0/1 matrices, one batched product.
     */
    static NDArray shift(NDArray images, boolean[] flips, int[] dys, int[] dxs) {
        Shape shape = images.getShape();
        int n = (int) shape.get(0);
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] rows = new float[n * c * h * h];
        float[] columns = new float[n * c * w * w];
        for (int i = 0; i < n; i++) {
            boolean flip = flips[i];
            int dy = dys[i];
            int dx = dxs[i];
            for (int ch = 0; ch < c; ch++) {
                int m = i * c + ch;
                for (int y = 0; y < h; y++) { // output row y reads input row y − dy
                    int from = y - dy;
                    if (from >= 0 && from < h) {
                        rows[(m * h + y) * h + from] = 1f;
                    }
                }
                for (int x = 0; x < w; x++) { // output column x reads input column (flipped) x − dx
                    int from = x - dx;
                    if (from >= 0 && from < w) {
                        int source = flip ? w - 1 - from : from;
                        columns[(m * w + source) * w + x] = 1f;
                    }
                }
            }
        }
        NDManager manager = images.getManager();
        NDArray a = manager.create(rows, new Shape((long) n * c, h, h));
        NDArray b = manager.create(columns, new Shape((long) n * c, w, w));
        return a.matMul(images.reshape((long) n * c, h, w)).matMul(b).reshape(shape);
    }
}
