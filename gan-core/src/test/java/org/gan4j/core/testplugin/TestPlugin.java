package org.gan4j.core.testplugin;

import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.GanPlugin;

/** A plugin that exists only on the test class path, found through ServiceLoader like any other. */
public final class TestPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(org.gan4j.api.loss.AdversarialLoss.class, "nan-once", NanOnceLoss.class,
                "non-saturating, with a NaN discriminator loss once at at_step");
        register(Metric.class, "sample-moments", SampleMomentsMetric.class, "mean and std of generated samples");
        register(org.gan4j.api.regularizer.Regularizer.class, "input-gradient-norm", InputGradientNormRegularizer.class,
                "gamma/2 E|grad_x D(x)|^2 on reals: needs the engine's input gradient");
        register(org.gan4j.api.model.Architecture.class, "pack-recording", PackRecordingArchitecture.class,
                "1-D samples; D records every input it judges");
        register(Metric.class, "mean-logit", MeanLogitMetric.class, "D's mean logit on generated samples");
    }
}
