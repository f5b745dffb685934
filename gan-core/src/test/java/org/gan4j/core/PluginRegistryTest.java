package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.plugin.GanPlugin;
import org.gan4j.api.plugin.Variant;
import org.gan4j.core.plugin.PluginLoadException;
import org.gan4j.core.plugin.PluginRegistry;
import org.gan4j.core.plugin.VariantDocs;
import org.gan4j.core.testplugin.SampleMomentsMetric;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    @Test
    void builtInAndTestPluginsAreFoundThroughServiceLoader() {
        PluginRegistry registry = Experiments.FRAMEWORK.plugins();
        List<String> metrics = registry.variants(Metric.class).stream().map(Variant::name).toList();
        assertTrue(metrics.contains("sample-moments"), metrics.toString());
        List<String> losses = registry.variants(AdversarialLoss.class).stream().map(Variant::name).toList();
        assertTrue(losses.containsAll(List.of("minimax", "non-saturating")), losses.toString());
        assertTrue(PluginRegistry.origin(SampleMomentsMetric.class).contains("test-classes"));
    }

    @Test
    void aSecondVariantWithAnExistingNameIsRejectedNamingBoth() {
        GanPlugin clash = new GanPlugin() {
            @Override
            protected void registerVariants() {
                register(AdversarialLoss.class, "minimax", FakeMinimax.class, "a clash");
            }
        };
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.discover(getClass().getClassLoader(), clash));
        assertTrue(e.getMessage().contains("'minimax'"), e.getMessage());
        assertTrue(e.getMessage().contains("org.gan4j.losses.MinimaxLoss"), e.getMessage());
        assertTrue(e.getMessage().contains(FakeMinimax.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("gan-losses"), e.getMessage());
    }

    @Test
    void variantDocsListKeysTypesDefaultsAndDescriptions() {
        PluginRegistry registry = Experiments.FRAMEWORK.plugins();
        Variant moments = registry.variants(Metric.class).stream()
                .filter(v -> v.name().equals("sample-moments")).findFirst().orElseThrow();
        List<VariantDocs.Key> keys = VariantDocs.keys(
                registry.injector().getInstance(com.fasterxml.jackson.databind.ObjectMapper.class), moments);
        assertEquals(List.of(new VariantDocs.Key("samples", "int", "5000", "samples to draw")), keys);
    }

    public static final class FakeMinimax implements AdversarialLoss {
        @Override
        public NDArray discriminatorLoss(LossContext context) {
            return context.fakeLogits();
        }

        @Override
        public NDArray generatorLoss(LossContext context) {
            return context.fakeLogits();
        }
    }
}
