package org.gan4j.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.core.GanFramework;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.models.DcganArchitecture;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlopsTest {

    @Test
    void denseLayersCountTwoInTimesOutPerSample() {
        MlpArchitecture mlp = new MlpArchitecture();
        mlp.setHidden(List.of(128, 128));
        try (NDManager m = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(mlp, ModelSpec.of(new Shape(2), 2), m)) {
            long perSample = 2L * (2 * 128 + 128 * 128 + 128 * 2);
            assertEquals(512 * perSample, Flops.forward(nets.generator(), new Shape(512, 2)));
            long d = 2L * (2 * 128 + 128 * 128 + 128);
            assertEquals(512 * d, Flops.forward(nets.discriminator(), new Shape(512, 2)));
        }
    }

    @Test
    void dcgan28CountsEveryConvolution() {
        try (NDManager m = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(new DcganArchitecture(), ModelSpec.of(new Shape(1, 28, 28), 100), m)) {
            // G: 100→128@7 (k7 on 1×1), 128→64@14 (k4 on 7×7), 64→2@28 (k4 on 14×14; 2 filters, one kept)
            long g = 2L * (100 * 128 * 49 * 1 + 128 * 64 * 16 * 49 + 64 * 2 * 16 * 196);
            // D: 1→64@14 (k4), 64→128@7 (k4), 128→1 (k7 on 7×7 → 1×1)
            long d = 2L * (64 * 1 * 16 * 196 + 128 * 64 * 16 * 49 + 128 * 49);
            assertEquals(g, Flops.forward(nets.generator(), new Shape(1, 100)));
            assertEquals(d, Flops.forward(nets.discriminator(), new Shape(1, 1, 28, 28)));
            assertEquals(4 * g + 9 * d, Flops.trainingStep(g, d, false));
            assertEquals(3 * g + 9 * d, Flops.trainingStep(g, d, true));
        }
    }

    @Test
    void benchmarkMeasuresARealRun(@TempDir Path dir) throws Exception {
        PerfBenchmark bench = new PerfBenchmark(GanFramework.discover(), dir);
        long started = System.nanoTime();
        PerfBenchmark.Result r = bench.measure(PerfBenchmark.StandardShape.MLP, 200);
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, r.measuredSteps());
        assertEquals(4, r.intervals());
        // Speed itself is the benchmark's job; its unit is a test's: the timed steps at the median rate fit in
        // the call's wall time (at least half the intervals are no faster than the median, hence the 2).
        double timedSeconds = r.measuredSteps() / r.stepsPerSecond();
        assertTrue(timedSeconds > 0 && timedSeconds <= 2 * wallSeconds, timedSeconds + " s timed in a call of "
                + wallSeconds + " s: " + r);
        long g = 512L * 2 * (2 * 128 + 128 * 128 + 128 * 2);
        long d = 512L * 2 * (2 * 128 + 128 * 128 + 128);
        assertEquals(3 * g + 9 * d, r.flopsPerStep(), "the MLP shape reuses the D-step's G(z)");
        assertEquals(r.flopsPerStep() * r.stepsPerSecond() / 1e9, r.gflops(), 1e-9);
        assertTrue(MachineProbe.matmulGflops(256, 3) > 0.1);
        assertTrue(MachineProbe.peakRssMib() > 10);
    }
}
