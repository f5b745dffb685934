package org.gan4j.metrics.restoration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.metrics.restoration.ImageQuality.Images;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PSNR = 10·log10(1/MSE) and SSIM (Wang et al. 2004) of G's outputs and of the task's baseline against the
 * targets, in [0, 1], per image then averaged.
 *
 * <p>On {@code samples} held-out examples of a conditional run ({@link EvalContext#conditionalSamples}); see
 * {@link ImageQuality} for the exact definitions (PSNR capped at 100 dB per image, 11×11 Gaussian SSIM window of
 * σ 1.5 without padding, channels averaged). Results (each preceded by {@code prefix}): {@code psnr},
 * {@code ssim}, and {@code psnr_baseline}, {@code ssim_baseline} when the task has a baseline. With
 * {@code y_channel} and RGB images, also {@code psnr_y}, {@code ssim_y} (and {@code psnr_y_baseline},
 * {@code ssim_y_baseline}) on BT.601 luma as SR papers report it, with {@code border} pixels cropped on each side
 * first; {@code border} applies to these Y results only, the RGB ones always use the whole image. Images need at
 * least 11×11 pixels (after the crop for the Y results).
 */
public final class PsnrSsimMetric extends HeldOutMetric {
    static final String NAME = "psnr-ssim";
    private static final Logger LOG = LoggerFactory.getLogger("gan.metrics");

    @JsonProperty("y_channel")
    @JsonPropertyDescription("also report psnr_y and ssim_y on BT.601 luma (RGB images only), as SR papers do")
    private boolean yChannel = false;

    @JsonPropertyDescription("pixels cropped on each side before the Y-channel results (SR papers: the scale "
            + "factor); the RGB results use the whole image")
    private int border = 0;

    private boolean warnedNotRgb;

    @Override
    public Map<String, Double> evaluate(EvalContext context) {
        HostSamples s = HostSamples.fetch(context, getSamples(), NAME, false);
        Images target = s.target();
        requireWindow(target, 0);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(getPrefix() + "psnr", ImageQuality.psnr(s.output(), target));
        out.put(getPrefix() + "ssim", ImageQuality.ssim(s.output(), target));
        if (s.baseline() != null) {
            out.put(getPrefix() + "psnr_baseline", ImageQuality.psnr(s.baseline(), target));
            out.put(getPrefix() + "ssim_baseline", ImageQuality.ssim(s.baseline(), target));
        }
        if (yChannel && s.channels() == 3) {
            requireWindow(target, border);
            Images y = luma(target);
            Images yOut = luma(s.output());
            out.put(getPrefix() + "psnr_y", ImageQuality.psnr(yOut, y));
            out.put(getPrefix() + "ssim_y", ImageQuality.ssim(yOut, y));
            if (s.baseline() != null) {
                Images yBase = luma(s.baseline());
                out.put(getPrefix() + "psnr_y_baseline", ImageQuality.psnr(yBase, y));
                out.put(getPrefix() + "ssim_y_baseline", ImageQuality.ssim(yBase, y));
            }
        } else if (yChannel && !warnedNotRgb) {
            warnedNotRgb = true;
            LOG.warn("{}: y_channel is set but the images have {} channel(s), not 3; no Y-channel results", NAME,
                    s.channels());
        }
        return out;
    }

    private Images luma(Images rgb) {
        return ImageQuality.crop(ImageQuality.luma(rgb), border);
    }

    private static void requireWindow(Images x, int border) {
        int h = x.h() - 2 * border;
        int w = x.w() - 2 * border;
        int win = ImageQuality.SSIM_WINDOW;
        if (h < win || w < win) {
            throw new IllegalStateException("metric '" + NAME + "': SSIM's " + win + "×" + win + " window needs "
                    + "images of at least " + win + "×" + win + " pixels, got " + x.h() + "×" + x.w()
                    + (border > 0 ? " less a border of " + border + " on each side" : ""));
        }
    }

    @JsonProperty("y_channel")
    public boolean isYChannel() {
        return yChannel;
    }

    @JsonProperty("y_channel")
    public void setYChannel(boolean yChannel) {
        this.yChannel = yChannel;
    }

    public int getBorder() {
        return border;
    }

    public void setBorder(int border) {
        this.border = ConfigChecks.nonNegative(border);
    }
}
