package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingPlan;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.NonSaturatingLoss;
import org.gan4j.models.MlpArchitecture;
import org.gan4j.optimizers.AdamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the G-step leaves in D's gradients never reaches D's next update: two runs of the same seed, one
 * of which adds 1e3 to every gradient D holds after each G-step, end with identical D weights. MXNet
 * overwrites gradients on every backward; PyTorch accumulates them, so the trainer zeroes them.
 */
class GradientIsolationTest {

    @Test
    void gradientsLeftInDByTheGeneratorStepDoNotChangeDsNextUpdate(@TempDir Path dir) {
        float[] clean = discriminatorAfterTraining(dir, false);
        float[] polluted = discriminatorAfterTraining(dir, true);
        assertArrayEquals(clean, polluted);
        assertFalse(java.util.Arrays.equals(clean, discriminatorAfterTraining(dir, false, 2)), "D trains");
    }

    private static float[] discriminatorAfterTraining(Path dir, boolean pollute) {
        return discriminatorAfterTraining(dir, pollute, 4);
    }

    private static float[] discriminatorAfterTraining(Path dir, boolean pollute, int steps) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            MlpArchitecture mlp = new MlpArchitecture();
            mlp.setHidden(List.of(8, 8));
            GanNetworks nets = GanNetworks.create(mlp, ModelSpec.of(new Shape(2), 2), root);
            try (ParameterOptimizer realG = new AdamSpec().create(); ParameterOptimizer d = new AdamSpec().create()) {
                ParameterOptimizer g = mock(ParameterOptimizer.class);
                doAnswer(inv -> {
                    if (pollute) { // what a G-step wrote into D, made large
                        for (Pair<String, Parameter> p : nets.discriminator().getParameters()) {
                            if (p.getValue().requiresGradient()) {
                                try (NDArray gradient = p.getValue().getArray().getGradient()) {
                                    gradient.addi(1e3f);
                                }
                            }
                        }
                    }
                    realG.update(inv.getArgument(0));
                    return null;
                }).when(g).update(any());
                TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss())
                        .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d).batchSize(16)
                        .logEvery(2).seed(1).runDir(dir).build();
                new GanTrainer(plan).train(root, 0, steps, 1);
                return AlgorithmOneTest.flatten(nets.discriminator());
            } finally {
                nets.close();
            }
        }
    }
}
