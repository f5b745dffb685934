package org.gan4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.engine.GradientControl;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;
import org.junit.jupiter.api.Test;

/**
 * Each penalty's gradient with respect to D's weights, back-propagated through ∇ₓD (second derivatives),
 * against central finite differences of the penalty's value, on a small D (3 → 6 tanh → 1, float64).
 * The input gradient is the engine module's ({@link GradientControl#inputGradient}, as the trainer's
 * context answers it), so this checks the penalties and the engine's second-order path together. Runs where
 * the default engine has second derivatives (gan-losses' {@code pytorch} surefire execution sets PyTorch);
 * skipped elsewhere (MXNet refuses these penalties before training).
 */
class PenaltyFiniteDifferenceTest {
    private static final Shape BATCH = new Shape(5, 3);
    private static final double H = 1e-5;

    private static boolean secondDerivatives() {
        try {
            return GanEngines.current().gradients().secondDerivatives();
        } catch (IllegalStateException noModuleForThisEngine) { // MXNet: only the PyTorch module is on this class path
            return false;
        }
    }

    @Test
    void gradientPenalty()  {
        check(GradientPenalty::new, 1.0);
    }

    @Test
    void oneSidedGradientPenaltyWithNormsOnBothSidesOfOne()  {
        check(() -> {
            GradientPenalty gp = new GradientPenalty();
            gp.setOneSided(true);
            return gp;
        }, 1.6);
    }

    @Test
    void r1()  {
        check(R1Penalty::new, 1.0);
    }

    @Test
    void r2()  {
        check(R2Penalty::new, 1.0);
    }

    @Test
    void dragan()  {
        check(DraganPenalty::new, 1.0);
    }

    /** @param weightStd the std of D's initial weights (larger: gradient norms above 1 for some samples) */
    private static void check(Supplier<Regularizer> penalty, double weightStd)  {
        assumeTrue(secondDerivatives(), "second derivatives need the PyTorch engine; default is " + Engine.getDefaultEngineName());
        try (NDManager manager = NDManager.newBaseManager()) {
            Block critic = critic(manager, weightStd);
            NDArray real = manager.randomNormal(0f, 1f, BATCH, DataType.FLOAT64);
            NDArray fake = manager.randomNormal(0.5f, 0.7f, BATCH, DataType.FLOAT64);
            Regularizer regularizer = penalty.get();

            List<Parameter> weights = new ArrayList<>();
            for (Pair<String, Parameter> p : critic.getParameters()) {
                weights.add(p.getValue());
            }
            List<double[]> analytic = analyticGradient(manager, critic, regularizer, real, fake, weights);

            int checked = 0;
            double largest = 0;
            for (int w = 0; w < weights.size(); w++) {
                NDArray array = weights.get(w).getArray();
                long size = array.size();
                for (int k = 0; k < size; k++) {
                    double plus = valueWithShift(manager, critic, regularizer, real, fake, array, k, H);
                    double minus = valueWithShift(manager, critic, regularizer, real, fake, array, k, -H);
                    double numeric = (plus - minus) / (2 * H);
                    double exact = analytic.get(w)[k];
                    assertEquals(numeric, exact, 1e-6 + 1e-5 * Math.abs(numeric),
                            regularizer.name() + ": d/d" + weights.get(w).getName() + "[" + k + "]");
                    largest = Math.max(largest, Math.abs(exact));
                    checked++;
                }
            }
            assertEquals(6 * 3 + 6 + 6 + 1, checked, "every weight of D is checked");
            assertTrue(largest > 1e-3, regularizer.name() + ": the gradient is not trivially zero (max " + largest + ")");
        }
    }

    /** 3 → 6 tanh → 1 in float64, N(0, std²) weights. */
    private static Block critic(NDManager manager, double std) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(6).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(1).build());
        block.setInitializer(new NormalInitializer((float) std), Parameter.Type.WEIGHT);
        block.setInitializer(new NormalInitializer(0.3f), Parameter.Type.BIAS);
        block.initialize(manager, DataType.FLOAT64, BATCH);
        return block;
    }

    /** dP/dθ per weight: the weights' gradients after P's backward, zeroed before it as the trainer does. */
    private static List<double[]> analyticGradient(NDManager manager, Block critic, Regularizer regularizer,
            NDArray real, NDArray fake, List<Parameter> weights) {
        List<double[]> result = new ArrayList<>();
        GradientControl gradients = GanEngines.current().gradients();
        try (NDManager step = manager.newSubManager()) {
            gradients.zeroGradients(critic.getParameters());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(regularizer.term(new GraphContext(step, critic, real, fake, 7)));
            }
            for (Parameter p : weights) {
                // a weight outside ∇ₓD (the last bias) gets no gradient from P; DJL then answers float32 zeros
                try (NDArray g = p.getArray().getGradient(); NDArray g64 = g.toType(DataType.FLOAT64, false)) {
                    result.add(g64.toDoubleArray());
                }
            }
        }
        return result;
    }

    /** P with element k of {@code weight} moved by {@code shift}, the same draws (seed 7); the weight is restored. */
    private static double valueWithShift(NDManager manager, Block critic, Regularizer regularizer, NDArray real,
            NDArray fake, NDArray weight, int k, double shift)  {
        NDIndex at = new NDIndex(k);
        NDArray flat = weight.reshape(-1);
        double original = flat.getDouble(k);
        flat.set(at, original + shift);
        try (NDManager step = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            return regularizer.term(new GraphContext(step, critic, real, fake, 7)).getDouble();
        } finally {
            flat.set(at, original);
        }
    }

    /** A D-step context whose input gradient keeps its graph, as the PyTorch engine's does. */
    private static final class GraphContext implements RegularizerContext {
        private final NDManager step;
        private final Block critic;
        private final NDArray real;
        private final NDArray fake;
        private final long seed;

        GraphContext(NDManager step, Block critic, NDArray real, NDArray fake, long seed) {
            this.step = step;
            this.critic = critic;
            this.real = real;
            this.fake = fake;
            this.seed = seed;
        }

        @Override
        public NDArray inputGradient(NDArray samples) {
            return GanEngines.current().gradients().inputGradient(samples, this::discriminate, critic.getParameters());
        }

        @Override
        public NDArray discriminate(NDArray samples) {
            return critic.forward(new ParameterStore(step, false), new NDList(samples), true).singletonOrThrow();
        }

        @Override
        public NDArray realSamples() {
            return real;
        }

        @Override
        public NDArray fakeSamples() {
            return fake;
        }

        @Override
        public NDArray realLogits() {
            return discriminate(real);
        }

        @Override
        public NDArray fakeLogits() {
            return discriminate(fake);
        }

        @Override
        public long randomSeed() {
            return seed;
        }

        @Override
        public long update() {
            return 1;
        }

        @Override
        public void log(String column, double value) {}

        @Override
        public Phase phase() {
            return Phase.DISCRIMINATOR;
        }

        @Override
        public long step() {
            return 0;
        }
    }
}
