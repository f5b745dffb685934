package org.gan4j.metrics.restoration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.Variant;
import org.gan4j.core.config.ConfigMapper;
import org.gan4j.metrics.MetricsPlugin;
import org.junit.jupiter.api.Test;

/** The restoration metrics are registered and bind their snake_case options as the config loader reads them. */
class RestorationConfigTest {
    private static final Set<Variant> VARIANTS = Guice.createInjector(new MetricsPlugin())
            .getInstance(Key.get(new TypeLiteral<Set<Variant>>() {}));
    private static final ObjectMapper MAPPER = ConfigMapper.create(VARIANTS);

    private static Metric read(String yaml) throws Exception {
        return MAPPER.readValue(yaml, Metric.class);
    }

    @Test
    void optionsBindWithDefaults() throws Exception {
        PsnrSsimMetric defaults = (PsnrSsimMetric) read("type: psnr-ssim");
        assertEquals(64, defaults.getSamples());
        assertFalse(defaults.isYChannel());
        assertEquals(0, defaults.getBorder());
        PsnrSsimMetric sr = (PsnrSsimMetric) read("{type: psnr-ssim, samples: 16, y_channel: true, border: 4}");
        assertEquals(16, sr.getSamples());
        assertTrue(sr.isYChannel());
        assertEquals(4, sr.getBorder());
        assertEquals(32, ((HoleErrorMetric) read("{type: hole-error, samples: 32}")).getSamples());
        assertEquals(64, ((ColourfulnessMetric) read("type: colourfulness")).getSamples());
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(Exception.class, () -> read("{type: psnr-ssim, border: -1}"));
        assertThrows(Exception.class, () -> read("{type: psnr-ssim, samples: 0}"));
        assertThrows(Exception.class, () -> read("{type: psnr-ssim, ychannel: true}"));
        assertThrows(Exception.class, () -> read("{type: hole-error, y_channel: true}"));
    }
}
