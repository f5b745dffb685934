package org.gan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.optimizers.SgdSpec;
import org.gan4j.datasets.RingData;
import org.gan4j.losses.LeCamRegularizer;
import org.gan4j.losses.NonSaturatingLoss;
import org.gan4j.models.MlpArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regularizer path through the real step: summed into D's loss, lazily applied, logged, refused when impossible. */
class RegularizerTrainingTest {
    @TempDir
    Path dir;

    @Test
    void leCamChangesDiscriminatorUpdateAndLambdaZeroChangesNothing() {
        float[] plain = discriminatorAfterTraining(List.of(), s -> {});
        float[] zero = discriminatorAfterTraining(List.of(lecam(0.0)), s -> {});
        float[] strong = discriminatorAfterTraining(List.of(lecam(0.01)), s -> {});
        assertArrayEquals(plain, zero, "a zero term leaves D's update exactly as without it");
        assertFalse(java.util.Arrays.equals(plain, strong), "LeCam's gradient reaches D's update");
    }

    @Test
    void theTermIsLoggedInItsDeclaredColumn() {
        List<StepStats> logged = new ArrayList<>();
        List<RunInfo> started = new ArrayList<>();
        LeCamRegularizer lecam = lecam(0.01);
        discriminatorAfterTraining(List.of(lecam), logged::add, started::add);
        assertEquals(List.of("reg_lecam"), started.get(0).logColumns());
        for (StepStats s : logged) {
            assertEquals(List.of("reg_lecam"), List.copyOf(s.extras().keySet()));
            assertTrue(Double.isFinite(s.extras().get("reg_lecam")) && s.extras().get("reg_lecam") > 0, s.toString());
        }
        assertNotEquals(0.0, lecam.anchorReal(), "the anchors moved during training");
    }

    @Test
    void everyNthUpdateAppliesTheTermScaledByN() {
        Constant constant = new Constant(3, 0.5f);
        List<StepStats> logged = new ArrayList<>();
        discriminatorAfterTraining(List.of(constant), logged::add);
        assertEquals(7, logged.size());
        for (StepStats s : logged) {
            long update = s.step() - 1; // k = 1: the D-update index of the logged step
            double value = s.extras().get("reg_const");
            if (update % 3 == 0) {
                assertEquals(1.5, value, 1e-6, "step " + s.step());
            } else {
                assertTrue(Double.isNaN(value), "not applied at step " + s.step() + ": " + value);
            }
        }
        assertEquals(List.of(0L, 3L, 6L), constant.updates);
        StreamSeedsForRun seeds = StreamSeedsForRun.of(1);
        assertEquals(List.of(seeds.regularizer("const", 0), seeds.regularizer("const", 3), seeds.regularizer("const", 6)),
                constant.seeds, "one stream per (seed, name, update)");
        assertNotEquals(seeds.regularizer("const", 3), seeds.regularizer("other", 3));
    }

    @Test
    void aGeneratorTermIsAppliedInTheGeneratorStep() {
        Constant constant = new Constant(2, 0.25f, Phase.GENERATOR);
        List<StepStats> logged = new ArrayList<>();
        discriminatorAfterTraining(List.of(constant), logged::add);
        assertEquals(List.of(0L, 2L, 4L, 6L), constant.updates);
        assertEquals(List.of(Phase.GENERATOR), constant.phases.stream().distinct().toList());
        for (StepStats s : logged) {
            double expected = (s.step() - 1) % 2 == 0 ? 0.5 : Double.NaN;
            assertEquals(expected, s.extras().get("reg_const"), 1e-6, "step " + s.step());
        }
    }

    @Test
    void inputGradientIsRefusedOnThisEngine() {
        Constant needsGradient = new Constant(1, 0f) {
            @Override
            public boolean needsInputGradient() {
                return true;
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> discriminatorAfterTraining(List.of(needsGradient), s -> {}));
        assertTrue(e.getMessage().contains("the mxnet engine") && e.getMessage().contains("second derivatives")
                && e.getMessage().contains("set engine: pytorch"), e.getMessage());
    }

    @Test
    void statefulRegularizersAreThePlansStatefulParts() {
        LeCamRegularizer lecam = lecam(0.3);
        try (NDManager root = NDManager.newBaseManager();
                GanNetworks nets = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
                ParameterOptimizer g = new SgdSpec().create();
                ParameterOptimizer d = new SgdSpec().create()) {
            TrainingPlan.Builder builder = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss())
                    .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d);
            TrainingPlan plan = builder.regularizers(List.of(new Constant(1, 0f), lecam)).build();
            assertEquals(List.of(lecam), plan.statefulParts());
            assertEquals(List.of("reg_const", "reg_lecam"), plan.logColumns());
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> builder.regularizers(List.of(lecam(0.1), lecam(0.2))).build());
            assertTrue(twice.getMessage().contains("'lecam'"), twice.getMessage());
        }
    }

    private static LeCamRegularizer lecam(double lambda) {
        LeCamRegularizer lecam = new LeCamRegularizer();
        lecam.setLambda(lambda);
        return lecam;
    }

    @SafeVarargs
    private float[] discriminatorAfterTraining(List<Regularizer> regularizers, Consumer<StepStats> onLog,
            Consumer<RunInfo>... onStart) {
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            GanNetworks nets = GanNetworks.create(new MlpArchitecture(), ModelSpec.of(new Shape(2), 2), root);
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStart(RunInfo info) {
                    for (Consumer<RunInfo> c : onStart) {
                        c.accept(info);
                    }
                }

                @Override
                public void onLog(StepStats stats) {
                    onLog.accept(stats);
                }
            };
            try (ParameterOptimizer g = new SgdSpec().create(); ParameterOptimizer d = new SgdSpec().create()) {
                TrainingPlan plan = TrainingPlan.builder().networks(nets).loss(new NonSaturatingLoss())
                        .data(new RingData().open(new DataContext(dir, 1))).optimizers(g, d).batchSize(16)
                        .logEvery(1).seed(1).runDir(dir).regularizers(regularizers).listeners(List.of(listener))
                        .build();
                new GanTrainer(plan).train(root, 0, 7, 1);
                return flatten(nets.discriminator());
            } finally {
                nets.close();
            }
        }
    }

    private static float[] flatten(Block block) {
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
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

    /** A term of constant value c (no gradient) that records when it was applied and with which stream. */
    private static class Constant implements Regularizer {
        final int every;
        final float value;
        final Phase target;
        final List<Long> updates = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        final List<Phase> phases = new ArrayList<>();

        Constant(int every, float value) {
            this(every, value, Phase.DISCRIMINATOR);
        }

        Constant(int every, float value, Phase target) {
            this.every = every;
            this.value = value;
            this.target = target;
        }

        @Override
        public String name() {
            return "const";
        }

        @Override
        public Phase target() {
            return target;
        }

        @Override
        public int every() {
            return every;
        }

        @Override
        public NDArray term(RegularizerContext context) {
            updates.add(context.update());
            seeds.add(context.randomSeed());
            phases.add(context.phase());
            return context.fakeLogits().mean().mul(0).add(value);
        }
    }
}
