package org.gan4j.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.core.train.GanTrainer;
import org.gan4j.core.train.StepPhaseObserver;
import org.gan4j.core.train.TrainingPlan;

/**
 * Where one training iteration's time goes, phase by phase, observed on the real trainer through its
 * {@link StepPhaseObserver} hooks (so conditioning, regularizers and the post-D-update hook are measured
 * as they run). The engine is drained at every phase boundary so asynchronous execution cannot move one
 * phase's cost into the next; the sum is therefore a little above the pipelined step time. With k D-steps
 * an iteration's D-phases add up over its k D-steps.
 */
final class PhaseProfile implements StepPhaseObserver {
    static final String[] PHASES = {"data + noise", "G forward", "D forward (real, fake) + loss", "D backward",
        "D optimizer", "D forward on G(z) + G loss", "G-step backward (through D and G)", "G optimizer"};

    private final int warmup;
    private final double[][] times;
    private final Map<StepPhase, Double> current = new EnumMap<>(StepPhase.class);
    private int iteration;
    private long mark;

    private PhaseProfile(int warmup, int repeats) {
        this.warmup = warmup;
        this.times = new double[PHASES.length][repeats];
    }

    /**
     * Median milliseconds per phase over {@code repeats} iterations after {@code warmup}, trained by the
     * real trainer from {@code plan} (its phase observer is replaced by the profiler).
     */
    static Map<String, Double> profile(TrainingPlan plan, NDManager manager, int warmup, int repeats) {
        PhaseProfile profile = new PhaseProfile(warmup, repeats);
        TrainingPlan observed = new TrainingPlan(plan.networks(), plan.inputs(), plan.objective(), plan.optimizers(),
                plan.schedule(), new TrainingPlan.Outputs(plan.outputs().runDir(), plan.outputs().metrics(),
                        plan.outputs().listeners(), plan.outputs().stepHook(), profile), plan.stabilizers());
        new GanTrainer(observed).train(manager, 0, warmup + repeats, -1);
        return profile.medians();
    }

    @Override
    public void onIterationStart(long step) {
        current.clear();
        mark = System.nanoTime();
    }

    @Override
    public void onPhaseEnd(StepPhase phase, NDArray result) {
        LayerProfile.drain(result);
        long now = System.nanoTime();
        current.merge(phase, (now - mark) / 1e6, Double::sum);
        mark = now;
    }

    @Override
    public void onIterationEnd(long step) {
        int r = iteration++ - warmup;
        if (r < 0 || r >= times[0].length) {
            return;
        }
        for (StepPhase phase : StepPhase.values()) {
            times[phase.ordinal()][r] = current.getOrDefault(phase, 0.0);
        }
    }

    private Map<String, Double> medians() {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int p = 0; p < PHASES.length; p++) {
            double[] sorted = times[p].clone();
            Arrays.sort(sorted);
            medians.put(PHASES[p], sorted[sorted.length / 2]);
        }
        return medians;
    }
}
