package org.gan4j.metrics.restoration;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.metric.EvalContext;

/**
 * Colourfulness (Hasler and Süsstrunk 2003): M = √(σ_rg² + σ_yb²) + 0.3·√(μ_rg² + μ_yb²) with rg = R − G,
 * yb = ½(R + G) − B on the 0..255 scale, per image then averaged; for G's outputs, the targets and the baseline.
 *
 * <p>On {@code samples} held-out examples of a conditional run with RGB images (channels 0, 1, 2), typically
 * colorization, where a model that plays safe with desaturated colours scores well on PSNR: compare
 * {@code colourfulness} (G's outputs) with {@code colourfulness_target} (the real images) and
 * {@code colourfulness_baseline} (the task's baseline, e.g. 0 for gray as RGB; only when the task has one), each
 * preceded by {@code prefix}. See {@link ImageQuality#colourfulness}.
 */
public final class ColourfulnessMetric extends HeldOutMetric {
    static final String NAME = "colourfulness";

    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        HostSamples s = HostSamples.fetch(context, getSamples(), NAME, false);
        if (s.channels() < 3) {
            throw new IllegalStateException("metric '" + NAME + "' needs colour images (3 channels, RGB); this run's "
                    + "images have " + s.channels());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(getPrefix() + "colourfulness", ImageQuality.colourfulness(s.output()));
        out.put(getPrefix() + "colourfulness_target", ImageQuality.colourfulness(s.target()));
        if (s.baseline() != null) {
            out.put(getPrefix() + "colourfulness_baseline", ImageQuality.colourfulness(s.baseline()));
        }
        return out;
    }
}
