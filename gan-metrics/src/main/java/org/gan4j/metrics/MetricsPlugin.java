package org.gan4j.metrics;

import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.metrics.quality.ClassifierFdMetric;

/**
 * Registers the diagnostics: mode coverage, divergences, the optimal-discriminator check, saturation traces, and
 * image quality on a locally trained classifier's features.
 */
public final class MetricsPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(Metric.class, "mixture-quality", MixtureQualityMetric.class,
                "modes captured, high-quality fraction, reverse KL of the mode histogram (VEEGAN/PacGAN)");
        register(Metric.class, "divergence", DivergenceMetric.class,
                "JS and KL between data and generator: histograms (1-D, 2-D) or KDE vs known density (1-D)");
        register(Metric.class, "optimal-discriminator", OptimalDiscriminatorMetric.class,
                "1-D: |D - D*| with D* = p_data/(p_data+p_g), and V(G,D) vs 2·JS - 2 log 2; plots optimal-d.png");
        register(Metric.class, "saturation", SaturationMetric.class,
                "generated mean/std and mean D(G(z)); plots G's gradient norm and mean over steps");
        register(Metric.class, "classifier-fd", ClassifierFdMetric.class,
                "images: Fréchet distance, precision/recall on a locally trained classifier's features (cached), "
                        + "with the real-vs-real baseline");
    }
}
