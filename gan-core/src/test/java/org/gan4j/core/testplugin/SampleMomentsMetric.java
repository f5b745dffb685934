package org.gan4j.core.testplugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;

/** Test-only metric: mean and standard deviation of the first coordinate of generated samples. */
public final class SampleMomentsMetric implements Metric {

    @JsonPropertyDescription("samples to draw")
    public int samples = 5000;

    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        float[] x = context.generate(samples).toFloatArray();
        int d = x.length / samples;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < samples; i++) {
            sum += x[i * d];
        }
        double mean = sum / samples;
        for (int i = 0; i < samples; i++) {
            sq += (x[i * d] - mean) * (x[i * d] - mean);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("gen_mean", mean);
        out.put("gen_std", Math.sqrt(sq / samples));
        context.report("sample-moments", Map.of("samples", samples, "coordinate", 0));
        return out;
    }
}
