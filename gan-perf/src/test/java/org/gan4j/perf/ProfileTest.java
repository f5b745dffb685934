package org.gan4j.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.GanFramework;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.models.DcganArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profilers behind {@code gan perf --layers} measure every layer and every phase, in the networks' order. */
class ProfileTest {

    @Test
    void everyLayerOfBothNetworksIsTimedAloneAndChained() {
        DcganArchitecture dcgan = new DcganArchitecture();
        dcgan.setBaseWidth(4);
        try (NDManager m = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(dcgan, ModelSpec.of(new Shape(1, 28, 28), 8), m)) {
            int layers = nets.discriminator().getChildren().size();
            List<LayerProfile.Layer> rows = LayerProfile.profile("D", nets.discriminator(), new Shape(4, 1, 28, 28), m,
                    1, 3);
            assertEquals(layers, rows.size());
            for (int i = 0; i < layers; i++) {
                LayerProfile.Layer row = rows.get(i);
                assertEquals(i, row.index());
                assertTrue(row.forwardMs() > 0 && row.backwardMs() > 0, row.toString());
            }
            assertTrue(rows.get(0).flops() > 0, "the first convolution's FLOPs are counted");
            assertEquals(new Shape(4, 1, 28, 28), rows.get(0).input());
            double[] chained = LayerProfile.prefixBackwardMs(nets.discriminator(), new Shape(4, 1, 28, 28), m, 1, 3);
            assertEquals(layers, chained.length);
            assertTrue(chained[layers - 1] > 0);
        }
    }

    @Test
    void theIterationIsSplitIntoItsEightPhases(@TempDir Path dir) throws Exception {
        Map<String, Double> phases = new PerfBenchmark(GanFramework.discover(), dir)
                .phases(PerfBenchmark.StandardShape.MLP, 5);
        assertEquals(List.of(PhaseProfile.PHASES), List.copyOf(phases.keySet()));
        phases.forEach((phase, ms) -> assertTrue(ms > 0, "the real step passed through " + phase + ": " + ms));
        assertTrue(phases.values().stream().mapToDouble(Double::doubleValue).sum() > 0);
    }
}
