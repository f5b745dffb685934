package org.gan4j.metrics.restoration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.metrics.restoration.ImageQuality.Images;

/**
 * A conditional evaluation's images copied to the host once, mapped from [-1, 1] to [0, 1].
 *
 * @param target the real outputs
 * @param output G's composed outputs
 * @param baseline the task's baseline, or null when the task has none
 * @param mask (n, 1, h, w) with 1 inside the hole (not mapped), or null when not asked for or the task has none
 */
record HostSamples(Images target, Images output, Images baseline, float[] mask) {

    /**
     * Reads {@code n} held-out examples of {@code context}. The arrays belong to the evaluation (other metrics may
     * read them too) and are not closed here.
     *
     * @param withMask copy the mask too
     * @throws IllegalStateException when the run is unconditional or the shapes disagree
     */
    static HostSamples fetch(EvalContext context, int n, String metric, boolean withMask) {
        ConditionalSamples s = context.conditionalSamples(n).orElseThrow(() -> new IllegalStateException(
                "metric '" + metric + "' needs a conditional run: add a task: section that conditions on an "
                        + "image"));
        Shape shape = s.target().getShape();
        if (shape.dimension() != 4) {
            throw new IllegalStateException("metric '" + metric + "' needs images (n, c, h, w); the task's targets "
                    + "have shape " + shape);
        }
        Images target = images(s.target(), shape, "targets", metric);
        Images output = images(s.output(), shape, "outputs", metric);
        Images baseline = s.baseline() == null ? null : images(s.baseline(), shape, "baselines", metric);
        float[] mask = null;
        if (withMask && s.mask() != null) {
            Shape expected = new Shape(shape.get(0), 1, shape.get(2), shape.get(3));
            if (!s.mask().getShape().equals(expected)) {
                throw new IllegalStateException("metric '" + metric + "': the task's mask has shape "
                        + s.mask().getShape() + ", expected " + expected);
            }
            mask = s.mask().toFloatArray();
        }
        return new HostSamples(target, output, baseline, mask);
    }

    private static Images images(NDArray array, Shape shape, String what, String metric) {
        if (!array.getShape().equals(shape)) {
            throw new IllegalStateException("metric '" + metric + "': the task's " + what + " have shape "
                    + array.getShape() + " but the targets " + shape);
        }
        return Images.fromSigned(array.toFloatArray(), (int) shape.get(0), (int) shape.get(1), (int) shape.get(2),
                (int) shape.get(3));
    }

    int channels() {
        return target.c();
    }
}
