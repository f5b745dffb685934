package com.example.ganplugin;

import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.GanPlugin;

/** Registers this jar's variants; listed in META-INF/services/org.gan4j.api.plugin.GanPlugin. */
public final class ExamplePlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(AdversarialLoss.class, "relativistic-average", RelativisticAverageLoss.class,
                "relativistic average GAN (RaGAN) with the standard cross-entropy");
        register(Metric.class, "moment-gap", MomentGapMetric.class,
                "gap between generated and real per-coordinate means and standard deviations");
    }
}
