package org.gan4j.core.testplugin;

import java.util.Map;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/** Test-only: D's mean logit on generated samples, read per sample without declaring judgesSingleSamples(). */
public final class MeanLogitMetric implements Metric {
    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        return Map.of("mean_logit", (double) context.discriminatorLogits(context.generate(10)).mean().getFloat());
    }
}
