package org.gan4j.conditional;

import java.util.SplittableRandom;

/**
 * Free-form holes in the manner of DeepFill v2's training masks: brush strokes, each a random walk
 * of straight segments drawn with a round brush, added until the strokes cover the wanted area.
 */
final class FreeFormMask {
    private FreeFormMask() {}

    /**
     * Draws strokes into {@code mask[offset .. offset + h·w)} (1 = hole) until at least {@code area}
     * of the image is covered.
     */
    static void draw(float[] mask, int offset, int h, int w, double area, SplittableRandom random) {
        int side = Math.min(h, w);
        double radius = Math.max(1, side / 16.0 + random.nextDouble() * side / 16.0);
        int target = (int) Math.ceil(area * h * w);
        int covered = 0;
        while (covered < target) {
            double y = random.nextDouble() * h;
            double x = random.nextDouble() * w;
            double angle = random.nextDouble() * 2 * Math.PI;
            int segments = 2 + random.nextInt(5);
            for (int s = 0; s < segments && covered < target; s++) {
                angle += (random.nextDouble() - 0.5) * Math.PI; // turn by up to ±90°
                double length = side * (0.1 + 0.3 * random.nextDouble());
                for (double t = 0; t <= length && covered < target; t += Math.max(0.5, radius / 2)) {
                    double cy = Math.max(0, Math.min(h - 1, y + Math.sin(angle) * t));
                    double cx = Math.max(0, Math.min(w - 1, x + Math.cos(angle) * t));
                    covered += disc(mask, offset, h, w, cy, cx, radius);
                }
                y = Math.max(0, Math.min(h - 1, y + Math.sin(angle) * length));
                x = Math.max(0, Math.min(w - 1, x + Math.cos(angle) * length));
            }
        }
    }

    /** Sets the pixels within {@code r} of (cy, cx); returns how many were newly set. */
    private static int disc(float[] mask, int offset, int h, int w, double cy, double cx, double r) {
        int added = 0;
        for (int y = (int) Math.max(0, Math.floor(cy - r)); y <= Math.min(h - 1, Math.ceil(cy + r)); y++) {
            for (int x = (int) Math.max(0, Math.floor(cx - r)); x <= Math.min(w - 1, Math.ceil(cx + r)); x++) {
                if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r && mask[offset + y * w + x] == 0f) {
                    mask[offset + y * w + x] = 1f;
                    added++;
                }
            }
        }
        return added;
    }
}
