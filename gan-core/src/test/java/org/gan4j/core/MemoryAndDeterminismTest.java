package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.config.LatentConfig;
import org.gan4j.optimizers.AdamSpec;
import org.gan4j.optimizers.SgdSpec;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingPlan;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.MinimaxLoss;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryAndDeterminismTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void liveArrayCountStaysFlatOverSteps(boolean reuseFake, @TempDir Path dir) {
        try (NDManager root = NDManager.newBaseManager()) {
            MlpArchitecture mlp = new MlpArchitecture();
            mlp.setGeneratorBatchNorm(true);
            GanNetworks nets = GanNetworks.create(mlp, ModelSpec.of(new Shape(2), 2), root);
            try (ParameterOptimizer g = new AdamSpec().create(); ParameterOptimizer d = new SgdSpec().create()) {
                TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new MinimaxLoss())
                        .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d).batchSize(64)
                        .discriminatorSteps(2).logEvery(10).seed(1).runDir(dir).reuseFake(reuseFake).build();
                GanTrainer trainer = new GanTrainer(plan);
                trainer.train(root, 0, 20, 1); // optimizer state is created during the first steps
                int rootCount = root.getManagedArrays().size();
                int networkCount = nets.manager().getManagedArrays().size();
                trainer.train(root, 20, 220, 1);
                assertEquals(rootCount, root.getManagedArrays().size(), "arrays under the run's manager");
                assertEquals(networkCount, nets.manager().getManagedArrays().size(), "arrays under the networks");
            }
            nets.close();
        }
    }

    @Test
    void sameSeedGivesTheSameRun(@TempDir Path dir) throws Exception {
        String yaml = """
                seed: 5
                data: {type: ring, std: 0.05}
                model: {type: mlp, hidden: [16, 16], generator_batch_norm: true}
                loss: {type: non-saturating}
                trainer: {steps: 60, batch_size: 32, log_every: 20}
                output: {plots: false}
                """;
        Path file = Experiments.write(dir, "det.yaml", yaml);
        Experiments.run(file, dir.resolve("a"));
        Experiments.run(file, dir.resolve("b"));
        assertEquals(withoutTiming(dir.resolve("a/metrics.csv")), withoutTiming(dir.resolve("b/metrics.csv")));
        Experiments.run(file, dir.resolve("c"), "seed=6");
        org.junit.jupiter.api.Assertions.assertNotEquals(
                withoutTiming(dir.resolve("a/metrics.csv")), withoutTiming(dir.resolve("c/metrics.csv")));
    }

    private static List<List<String>> withoutTiming(Path csv) throws Exception {
        return CsvTable.read(csv).without("sec_per_step");
    }

    @Test
    void optimizerStateRoundTripsByParameterName(@TempDir Path dir) throws Exception {
        for (var spec : List.of(new AdamSpec(), new SgdSpec())) {
            try (NDManager root = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(3);
                GanNetworks a = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
                ParameterOptimizer first = spec.create();
                ParameterOptimizer d = spec.create();
                TrainingPlan plan = TrainingPlan.builder().networks(a).loss(new MinimaxLoss())
                        .data(new RingData().open(new DataContext(dir, 1))).optimizers(first, d).batchSize(16)
                        .logEvery(5).seed(1).runDir(dir).build();
                new GanTrainer(plan).train(root, 0, 5, 1);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                first.save(new DataOutputStream(bytes));
                ParameterOptimizer restored = spec.create();
                restored.load(root, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                assertEquals(first.updates(), restored.updates());
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                restored.save(new DataOutputStream(again));
                assertArrayEquals(bytes.toByteArray(), again.toByteArray());
                first.close();
                restored.close();
                d.close();
                a.close();
            }
        }
    }
}
