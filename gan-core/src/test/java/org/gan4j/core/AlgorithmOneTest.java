package org.gan4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.config.LatentConfig;
import org.gan4j.optimizers.AdamSpec;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.TrainingPlan;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.NonSaturatingLoss;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

/** Algorithm 1's schedule and isolation: k D-updates per G-update; a G-step never changes D. */
class AlgorithmOneTest {

    @Test
    void kDiscriminatorUpdatesPerGeneratorUpdateAndGStepsLeaveDUntouched(@TempDir Path dir) {
        int k = 3;
        int steps = 7;
        try (NDManager root = NDManager.newBaseManager()) {
            SampleSource data = new RingData().open(new DataContext(dir, 1));
            MlpArchitecture mlp = new MlpArchitecture();
            mlp.setHidden(List.of(16, 16));
            GanNetworks nets = GanNetworks.create(mlp, ModelSpec.of(new Shape(2), 2), root);
            ParameterOptimizer realG = new AdamSpec().create();
            ParameterOptimizer realD = new AdamSpec().create();
            ParameterOptimizer g = mock(ParameterOptimizer.class);
            ParameterOptimizer d = mock(ParameterOptimizer.class);
            List<String> order = new ArrayList<>();
            List<float[]> dAfterUpdate = new ArrayList<>();
            List<Boolean> gStepChangedD = new ArrayList<>();
            doAnswer(inv -> {
                realD.update(inv.getArgument(0));
                order.add("D");
                dAfterUpdate.add(flatten(nets.discriminator()));
                return null;
            }).when(d).update(any());
            doAnswer(inv -> {
                // Before and after G's update, D holds exactly what its last update left.
                float[] last = dAfterUpdate.get(dAfterUpdate.size() - 1);
                boolean changed = !java.util.Arrays.equals(last, flatten(nets.discriminator()));
                realG.update(inv.getArgument(0));
                changed |= !java.util.Arrays.equals(last, flatten(nets.discriminator()));
                gStepChangedD.add(changed);
                order.add("G");
                return null;
            }).when(g).update(any());

            float[] gBefore = flatten(nets.generator());
            TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss()).data(data)
                    .optimizers(g, d).batchSize(32).discriminatorSteps(k).logEvery(5).seed(1).runDir(dir).build();
            new GanTrainer(plan).train(root, 0, steps, 1);

            InOrder inOrder = inOrder(d, g);
            for (int s = 0; s < steps; s++) {
                inOrder.verify(d, times(k)).update(any());
                inOrder.verify(g, times(1)).update(any());
            }
            assertEquals(steps * (k + 1), order.size());
            assertEquals(List.of("D", "D", "D", "G"), order.subList(0, 4));
            assertEquals(List.of(false, false, false, false, false, false, false), gStepChangedD);
            assertFalse(java.util.Arrays.equals(gBefore, flatten(nets.generator())), "G was trained");
            realG.close();
            realD.close();
            nets.close();
        }
    }

    @Test
    void frozenGeneratorKeepsItsWeights(@TempDir Path dir) {
        try (NDManager root = NDManager.newBaseManager()) {
            SampleSource data = new RingData().open(new DataContext(dir, 1));
            GanNetworks nets = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
            float[] before = flatten(nets.generator());
            float[] dBefore = flatten(nets.discriminator());
            try (ParameterOptimizer g = new AdamSpec().create(); ParameterOptimizer d = new AdamSpec().create()) {
                TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss()).data(data)
                        .optimizers(g, d).batchSize(32).trainGenerator(false).logEvery(5).seed(1).runDir(dir).build();
                new GanTrainer(plan).train(root, 0, 10, 1);
                assertEquals(0, g.updates());
                assertEquals(10, d.updates());
            }
            assertArrayEquals(before, flatten(nets.generator()));
            assertFalse(java.util.Arrays.equals(dBefore, flatten(nets.discriminator())));
            nets.close();
        }
    }

    static float[] flatten(Block block) {
        PairList<String, Parameter> params = block.getParameters();
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
