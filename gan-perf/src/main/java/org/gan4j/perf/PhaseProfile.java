package org.gan4j.perf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext;
import org.gan4j.api.optim.ParameterOptimizer;
import org.gan4j.core.train.GanNetworks;
import org.gan4j.core.train.NoiseSampler;

/**
 * Where one training iteration's time goes, phase by phase: the same operations as the trainer's
 * D-step and G-step (with the G-step reusing the D-step's G(z), as the perf configs do), with the
 * engine drained after each phase so asynchronous execution cannot move one phase's cost into the
 * next. The sum is therefore a little above the pipelined step time.
 */
final class PhaseProfile {
    static final String[] PHASES = {"data + noise", "G forward", "D forward (real, fake) + loss", "D backward",
        "D optimizer", "D forward on G(z) + G loss", "G-step backward (through D and G)", "G optimizer"};

    private PhaseProfile() {}

    /** Median milliseconds per phase over {@code repeats} iterations after {@code warmup}. */
    static Map<String, Double> profile(GanNetworks nets, AdversarialLoss loss, SampleSource data,
            NoiseSampler noise, ParameterOptimizer gOpt, ParameterOptimizer dOpt, NDManager parent, int batch,
            int warmup, int repeats) {
        double[][] times = new double[PHASES.length][repeats];
        for (int r = -warmup; r < repeats; r++) {
            long[] t = new long[PHASES.length + 1];
            try (NDManager scope = parent.newSubManager()) {
                t[0] = System.nanoTime();
                NDArray real = data.batch(scope, 1, r + warmup, batch).samples();
                NDArray z = noise.sample(scope, 2, r + warmup, batch);
                LayerProfile.drain(z);
                t[1] = System.nanoTime();
                NDArray generated;
                NDArray dLoss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    generated = nets.generate(z, true);
                    LayerProfile.drain(generated);
                    t[2] = System.nanoTime();
                    NDArray fake = generated.stopGradient();
                    NDArray realLogits = nets.discriminate(real, true);
                    NDArray fakeLogits = nets.discriminate(fake, true);
                    dLoss = loss.discriminatorLoss(new Context(nets, real, realLogits, fake, fakeLogits));
                    LayerProfile.drain(dLoss);
                    t[3] = System.nanoTime();
                    collector.backward(dLoss);
                    LayerProfile.drain(dLoss);
                    t[4] = System.nanoTime();
                }
                dOpt.update(nets.discriminator().getParameters());
                LayerProfile.drain(dLoss);
                t[5] = System.nanoTime();
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray fakeLogits = nets.discriminate(generated, true);
                    NDArray gLoss = loss.generatorLoss(new Context(nets, real, null, generated, fakeLogits));
                    LayerProfile.drain(gLoss);
                    t[6] = System.nanoTime();
                    collector.backward(gLoss);
                    LayerProfile.drain(gLoss);
                    t[7] = System.nanoTime();
                }
                gOpt.update(nets.generator().getParameters());
                LayerProfile.drain(dLoss);
                t[8] = System.nanoTime();
            }
            if (r >= 0) {
                for (int p = 0; p < PHASES.length; p++) {
                    times[p][r] = (t[p + 1] - t[p]) / 1e6;
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int p = 0; p < PHASES.length; p++) {
            double[] sorted = times[p].clone();
            Arrays.sort(sorted);
            medians.put(PHASES[p], sorted[sorted.length / 2]);
        }
        return medians;
    }

    /** The loss context of one phase (D judges in training mode, as in the trainer). */
    private record Context(GanNetworks nets, NDArray real, NDArray realLogitsOrNull, NDArray fake, NDArray fakeLogits)
            implements LossContext {
        @Override
        public NDArray realLogits() {
            return realLogitsOrNull != null ? realLogitsOrNull : nets.discriminate(real, true);
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
        public NDArray discriminate(NDArray samples) {
            return nets.discriminate(samples, true);
        }

        @Override
        public Phase phase() {
            return realLogitsOrNull != null ? Phase.DISCRIMINATOR : Phase.GENERATOR;
        }

        @Override
        public long step() {
            return 0;
        }
    }
}
