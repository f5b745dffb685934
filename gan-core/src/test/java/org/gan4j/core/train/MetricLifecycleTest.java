package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.optimizers.SgdSpec;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.NonSaturatingLoss;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer opens metrics when a session starts and closes them when it ends, also when it fails. */
class MetricLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void metricsAreOpenedOnceAndClosedAfterTheRun() {
        Recording metric = new Recording();
        train(metric, new TrainingListener() {});
        assertEquals(List.of("open", "evaluate 4", "close"), metric.events);
    }

    @Test
    void metricsAreClosedWhenTrainingFails() {
        Recording metric = new Recording();
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onLog(StepStats stats) {
                throw new IllegalStateException("listener failed");
            }
        };
        assertThrows(IllegalStateException.class, () -> train(metric, failing));
        assertEquals(List.of("open", "close"), metric.events);
    }

    private void train(Metric metric, TrainingListener listener) {
        try (NDManager root = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
                ParameterOptimizer g = new SgdSpec().create();
                ParameterOptimizer d = new SgdSpec().create()) {
            TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss())
                    .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d).batchSize(8).logEvery(2)
                    .runDir(dir).metrics(List.of(metric)).listeners(List.of(listener)).build();
            new GanTrainer(plan).train(root, 0, 4, 1);
        }
    }

    private static final class Recording implements Metric {
        final List<String> events = new java.util.ArrayList<>();

        @Override
        public void open(RunInfo run) {
            events.add("open");
        }

        @Override
        public Map<String, Double> evaluate(EvalContext context) {
            events.add("evaluate " + context.step());
            return Map.of();
        }

        @Override
        public void close() {
            events.add("close");
        }
    }
}
