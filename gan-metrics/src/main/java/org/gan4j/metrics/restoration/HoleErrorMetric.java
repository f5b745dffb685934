package org.gan4j.metrics.restoration;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.metric.EvalContext;

/**
 * Error inside the hole: L1 = mean |output − target| and PSNR = 10·log10(1/MSE) over the pixels where the mask is
 * 1 (all channels), in [0, 1], per image then averaged; for G's outputs and the task's baseline.
 *
 * <p>On {@code samples} held-out examples of a conditional run whose task has a mask (inpainting). Outside the
 * hole a composed output equals the target, so whole-image numbers would be diluted by the hole's share of the
 * image. Results (each preceded by {@code prefix}): {@code hole_l1}, {@code hole_psnr}, and
 * {@code hole_l1_baseline}, {@code hole_psnr_baseline} when the task has a baseline. See
 * {@link ImageQuality#maskedL1} and {@link ImageQuality#maskedPsnr} (PSNR capped at 100 dB per image; images
 * with an empty hole are left out, NaN when all are).
 */
public final class HoleErrorMetric extends HeldOutMetric {
    static final String NAME = "hole-error";

    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        HostSamples s = HostSamples.fetch(context, getSamples(), NAME, true);
        if (s.mask() == null) {
            throw new IllegalStateException("metric '" + NAME + "' needs a task that gives a mask of the missing "
                    + "pixels; this run's task has none");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(getPrefix() + "hole_l1", ImageQuality.maskedL1(s.output(), s.target(), s.mask()));
        out.put(getPrefix() + "hole_psnr", ImageQuality.maskedPsnr(s.output(), s.target(), s.mask()));
        if (s.baseline() != null) {
            out.put(getPrefix() + "hole_l1_baseline", ImageQuality.maskedL1(s.baseline(), s.target(), s.mask()));
            out.put(getPrefix() + "hole_psnr_baseline", ImageQuality.maskedPsnr(s.baseline(), s.target(), s.mask()));
        }
        return out;
    }
}
