package org.gan4j.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.optim.ParameterOptimizer;

/**
 * Shared bookkeeping of the built-in optimizers: per-parameter state arrays keyed by parameter name,
 * the update count, saving and loading. Subclasses apply one fused engine update per parameter.
 */
abstract class StatefulOptimizer implements ParameterOptimizer {
    private final int slots;
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private long updates;
    private double learningRateScale = 1.0;
    private final double baseLearningRate;
    private double scheduleFactor = 1.0; // set by a schedule before each update; not state (a function of the step)

    /**
     * @param slots state arrays kept per parameter (momentum: 1, Adam: 2)
     * @param baseLearningRate the configured rate, reported by {@link #learningRate()}
     */
    StatefulOptimizer(int slots, double baseLearningRate) {
        this.slots = slots;
        this.baseLearningRate = baseLearningRate;
    }

    @Override
    public final void update(PairList<String, Parameter> parameters) {
        updates++;
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (!parameter.requiresGradient()) {
                continue; // running statistics and frozen weights
            }
            NDArray weight = parameter.getArray();
            NDArray[] slotsOf = state.computeIfAbsent(pair.getKey(), k -> newSlots(weight));
            try (NDArray gradient = weight.getGradient()) {
                apply(weight, gradient, slotsOf, updates, learningRateScale * scheduleFactor);
            }
        }
    }

    private NDArray[] newSlots(NDArray weight) {
        NDArray[] arrays = new NDArray[slots];
        for (int i = 0; i < slots; i++) {
            arrays[i] = weight.zerosLike();
        }
        return arrays;
    }

    /** Updates {@code weight} in place; {@code t} is the 1-based update number, {@code lrScale} the rate's multiplier. */
    abstract void apply(NDArray weight, NDArray gradient, NDArray[] slots, long t, double lrScale);

    @Override
    public final void scaleLearningRate(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor must be a finite number > 0, got " + factor);
        }
        learningRateScale *= factor;
    }

    @Override
    public final void setScheduleFactor(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("schedule factor must be a finite number >= 0, got " + factor);
        }
        scheduleFactor = factor;
    }

    @Override
    public final double learningRate() {
        return baseLearningRate * learningRateScale * scheduleFactor;
    }

    @Override
    public final long updates() {
        return updates;
    }

    @Override
    public final void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeDouble(learningRateScale);
        out.writeInt(slots);
        out.writeInt(state.size());
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            out.writeUTF(e.getKey());
            for (NDArray a : e.getValue()) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    @Override
    public final void load(NDManager manager, DataInputStream in) throws IOException {
        long savedUpdates = in.readLong();
        double savedScale = in.readDouble();
        int savedSlots = in.readInt();
        if (savedSlots != slots) {
            throw new IOException("optimizer state has " + savedSlots + " arrays per parameter, this optimizer keeps "
                    + slots + " (was it saved by another optimizer type?)");
        }
        int count = in.readInt();
        close();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            NDArray[] arrays = new NDArray[slots];
            for (int s = 0; s < slots; s++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                arrays[s] = NDArray.decode(manager, bytes);
            }
            state.put(name, arrays);
        }
        updates = savedUpdates;
        learningRateScale = savedScale;
    }

    @Override
    public final void close() {
        state.values().forEach(arrays -> {
            for (NDArray a : arrays) {
                a.close();
            }
        });
        state.clear();
    }
}
