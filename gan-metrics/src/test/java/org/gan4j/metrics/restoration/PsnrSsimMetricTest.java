package org.gan4j.metrics.restoration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gan4j.metrics.restoration.ImageQuality.Images;
import org.junit.jupiter.api.Test;

/** psnr-ssim on a stub conditional evaluation. */
class PsnrSsimMetricTest {
    private static final Shape RGB = new Shape(2, 3, 16, 16);

    @Test
    void reportsOutputAndBaselineKeysAndDropsBaselineKeysWithoutOne() {
        float[] target = new float[2 * 3 * 16 * 16];
        float[] output = new float[target.length];
        Arrays.fill(output, 0.5f); // off by 0.25 in [0, 1]
        float[] baseline = ConditionalStub.random(target.length, 1);
        PsnrSsimMetric metric = new PsnrSsimMetric();
        metric.setSamples(2);
        try (ConditionalStub context = new ConditionalStub(RGB, target, output, baseline, null)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(2, context.requested);
            assertEquals(List.of("psnr", "ssim", "psnr_baseline", "ssim_baseline"), List.copyOf(m.keySet()));
            assertEquals(10 * Math.log10(16), m.get("psnr"), 1e-9);
            assertTrue(m.get("ssim") > 0.9 && m.get("ssim") < 1, "constant offset on flat images: " + m);
            assertTrue(m.get("psnr_baseline") < m.get("psnr"), m.toString());
            assertTrue(m.get("ssim_baseline") < 0.1, m.toString());
        }
        try (ConditionalStub context = new ConditionalStub(RGB, target, output, null, null)) {
            assertEquals(List.of("psnr", "ssim"), List.copyOf(metric.evaluate(context).keySet()));
        }
    }

    @Test
    void yChannelAddsLumaKeysWithTheBorderCropped() {
        float[] target = ConditionalStub.random(2 * 3 * 16 * 16, 2);
        float[] output = target.clone();
        for (int plane = 0; plane < 6; plane++) { // corrupt a one-pixel frame
            for (int i = 0; i < 16; i++) {
                for (int j = 0; j < 16; j++) {
                    if (i == 0 || j == 0 || i == 15 || j == 15) {
                        output[plane * 256 + i * 16 + j] = -output[plane * 256 + i * 16 + j];
                    }
                }
            }
        }
        PsnrSsimMetric metric = new PsnrSsimMetric();
        metric.setYChannel(true);
        metric.setBorder(1);
        metric.setPrefix("sr_");
        try (ConditionalStub context = new ConditionalStub(RGB, target, output, target, null)) {
            Map<String, Double> m = metric.evaluate(context);
            assertEquals(64, context.requested);
            assertEquals(List.of("sr_psnr", "sr_ssim", "sr_psnr_baseline", "sr_ssim_baseline", "sr_psnr_y",
                    "sr_ssim_y", "sr_psnr_y_baseline", "sr_ssim_y_baseline"), List.copyOf(m.keySet()));
            assertTrue(m.get("sr_psnr") < 30, "the RGB results see the corrupted frame: " + m);
            assertEquals(100, m.get("sr_psnr_y"), 0);
            assertEquals(1, m.get("sr_ssim_y"), 1e-12);
            assertEquals(100, m.get("sr_psnr_y_baseline"), 0);
            // without the crop, the Y results see the frame too
            metric.setBorder(0);
            Map<String, Double> whole = metric.evaluate(context);
            Images t = Images.fromSigned(target, 2, 3, 16, 16);
            Images o = Images.fromSigned(output, 2, 3, 16, 16);
            assertEquals(ImageQuality.psnr(ImageQuality.luma(o), ImageQuality.luma(t)), whole.get("sr_psnr_y"), 1e-12);
            assertTrue(whole.get("sr_psnr_y") < 40, whole.toString());
            // a border that leaves less than SSIM's window is refused clearly
            metric.setBorder(3);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> metric.evaluate(context));
            assertTrue(e.getMessage().contains("11×11") && e.getMessage().contains("border of 3"), e.getMessage());
        }
        // gray images: no Y results
        Shape gray = new Shape(1, 1, 12, 12);
        float[] g = ConditionalStub.random(144, 3);
        try (ConditionalStub context = new ConditionalStub(gray, g, g, null, null)) {
            assertEquals(List.of("sr_psnr", "sr_ssim"), List.copyOf(metric.evaluate(context).keySet()));
        }
    }

    @Test
    void anUnconditionalRunIsRefusedClearly() {
        try (ConditionalStub context = new ConditionalStub()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new PsnrSsimMetric().evaluate(context));
            assertEquals("metric 'psnr-ssim' needs a conditional run: add a task: section that conditions on an "
                    + "image", e.getMessage());
        }
    }

    @Test
    void optionsAreValidated() {
        PsnrSsimMetric metric = new PsnrSsimMetric();
        assertThrows(IllegalArgumentException.class, () -> metric.setSamples(0));
        assertThrows(IllegalArgumentException.class, () -> metric.setBorder(-1));
        assertThrows(IllegalArgumentException.class, () -> metric.setPrefix("Bad"));
    }
}
