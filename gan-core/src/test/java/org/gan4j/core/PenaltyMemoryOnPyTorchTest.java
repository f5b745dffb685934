package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingPlan;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.GradientPenalty;
import org.gan4j.losses.WassersteinLoss;
import org.gan4j.models.MlpArchitecture;
import org.gan4j.optimizers.AdamSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WGAN-GP on PyTorch (the soak's recipe, smaller): the gradient penalty's create_graph path leaves no array
 * behind, so the live NDArray count under the run's and the networks' managers is the same after 20 and after
 * 80 generator steps (each with 5 critic steps). An array or handle kept per step would show here long before
 * it shows in RSS.
 */
class PenaltyMemoryOnPyTorchTest {

    @BeforeAll
    static void onPyTorch() {
        PyTorchFork.assumeActive();
    }

    @Test
    void liveArrayCountStaysFlatWithAGradientPenalty(@TempDir Path dir) {
        try (NDManager root = NDManager.newBaseManager()) {
            GanNetworks nets = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
            WassersteinLoss loss = new WassersteinLoss();
            loss.setClip("none");
            try (ParameterOptimizer g = new AdamSpec().create(); ParameterOptimizer d = new AdamSpec().create()) {
                TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(loss)
                        .regularizers(List.of(new GradientPenalty()))
                        .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d).batchSize(64)
                        .discriminatorSteps(5).logEvery(10).seed(1).runDir(dir).build();
                GanTrainer trainer = new GanTrainer(plan);
                trainer.train(root, 0, 20, 1); // optimizer state is created during the first steps
                int rootCount = root.getManagedArrays().size();
                int networkCount = nets.manager().getManagedArrays().size();
                trainer.train(root, 20, 80, 1);
                assertEquals(rootCount, root.getManagedArrays().size(), "arrays under the run's manager");
                assertEquals(networkCount, nets.manager().getManagedArrays().size(), "arrays under the networks");
            }
            nets.close();
        }
    }
}
