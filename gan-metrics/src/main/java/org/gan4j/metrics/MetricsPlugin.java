package org.gan4j.metrics;

import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.metrics.quality.ClassifierFdMetric;
import org.gan4j.metrics.restoration.ColourfulnessMetric;
import org.gan4j.metrics.restoration.HoleErrorMetric;
import org.gan4j.metrics.restoration.PsnrSsimMetric;

/**
 * Registers the diagnostics: mode coverage, divergences, the optimal-discriminator check, saturation traces,
 * image quality on a locally trained classifier's features, and restoration quality of conditional runs.
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
        register(Metric.class, "discriminator-overfit", DiscriminatorOverfitMetric.class,
                "images: D's mean output on training reals minus on held-out reals (limited-data overfitting)");
        register(Metric.class, "psnr-ssim", PsnrSsimMetric.class,
                "conditional runs: PSNR = 10·log10(1/MSE) and SSIM (11×11 Gaussian) of outputs and baseline vs "
                        + "targets, optionally on BT.601 luma with a border crop");
        register(Metric.class, "hole-error", HoleErrorMetric.class,
                "inpainting: L1 and PSNR inside the mask's hole, of outputs and baseline vs targets");
        register(Metric.class, "colourfulness", ColourfulnessMetric.class,
                "conditional RGB runs: Hasler-Süsstrunk colourfulness of outputs, targets and baseline");
    }
}
