package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gan4j.core.config.GeneratorEmaConfig;

/**
 * An exponential moving average of the generator's trainable weights (Karras et al. 2018; Yazıcı et al.
 * 2019, "The Unusual Effectiveness of Averaging in GAN Training"). After the G update of generator step t:
 *
 * <pre>
 *   θ_EMA ← θ                               while t &lt; start   (the average follows G until it starts)
 *   θ_EMA ← β · θ_EMA + (1 − β) · θ          from t = start on
 * </pre>
 *
 * BatchNorm's running statistics are not averaged: the EMA generator uses the raw G's (they are not
 * trainable parameters, so {@link #withAverage} leaves them in place). Evaluations swap the average into G's
 * parameter arrays and swap the trained weights back afterwards, so no second network is built. The average
 * is checkpointed in section {@value #SECTION}, by parameter name, so a resumed run continues exactly.
 */
public final class GeneratorEma implements org.gan4j.api.checkpoint.StatefulPart {
    /** The checkpoint section of the average. */
    public static final String SECTION = "generator_ema";

    private final double decay;
    private final long start;
    private final Block generator;
    private final NDManager manager;
    private final Map<String, NDArray> averages = new LinkedHashMap<>();

    /**
     * Starts the average at G's current weights; arrays live in {@code manager} (G's own, closed with the
     * networks).
     */
    public GeneratorEma(GeneratorEmaConfig config, Block generator, NDManager manager) {
        this.decay = config.getDecay();
        this.start = config.getStart();
        this.generator = generator;
        this.manager = manager;
        for (Pair<String, Parameter> p : trainable()) {
            NDArray copy = p.getValue().getArray().duplicate();
            copy.attach(manager);
            averages.put(p.getKey(), copy);
        }
    }

    /** β. */
    public double decay() {
        return decay;
    }

    /** The first generator step that averages rather than copies. */
    public long start() {
        return start;
    }

    private List<Pair<String, Parameter>> trainable() {
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Pair<String, Parameter> p : generator.getParameters()) {
            if (p.getValue().requiresGradient()) {
                list.add(p);
            }
        }
        return list;
    }

    /** Folds G's weights after the update of generator step {@code step} into the average. */
    public void update(long step) {
        for (Pair<String, Parameter> p : trainable()) {
            NDArray weight = p.getValue().getArray();
            NDArray average = averages.get(p.getKey());
            if (step < start) {
                weight.copyTo(average);
            } else {
                try (NDArray share = weight.mul((float) (1 - decay))) {
                    average.muli((float) decay).addi(share);
                }
            }
        }
    }

    /** The average of the parameter named {@code name} (for tests). */
    public NDArray average(String name) {
        return averages.get(name);
    }

    /** Runs {@code work} with the average in G's parameter arrays and restores the trained weights after. */
    public <T> T withAverage(Supplier<T> work) {
        List<Pair<String, Parameter>> params = trainable();
        try (NDManager scope = manager.newSubManager()) {
            List<NDArray> saved = new ArrayList<>();
            for (Pair<String, Parameter> p : params) {
                NDArray weight = p.getValue().getArray();
                NDArray copy = weight.duplicate();
                copy.attach(scope);
                saved.add(copy);
                averages.get(p.getKey()).copyTo(weight);
            }
            try {
                return work.get();
            } finally {
                for (int i = 0; i < params.size(); i++) {
                    saved.get(i).copyTo(params.get(i).getValue().getArray());
                }
            }
        }
    }

    @Override
    public String stateSection() {
        return SECTION;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(averages.size());
        for (Map.Entry<String, NDArray> e : averages.entrySet()) {
            out.writeUTF(e.getKey());
            byte[] bytes = e.getValue().encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count != averages.size()) {
            throw new IOException("the generator's average holds " + count + " arrays; this generator has "
                    + averages.size() + " trainable parameters");
        }
        Map<String, NDArray> loaded = new LinkedHashMap<>();
        try (NDManager scratch = manager.newSubManager()) {
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("array '" + name + "' has a negative length " + length);
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                NDArray target = averages.get(name);
                if (target == null) {
                    throw new IOException("the average has an array '" + name + "' that this generator lacks");
                }
                NDArray array = NDArray.decode(scratch, bytes);
                if (!array.getShape().equals(target.getShape())) {
                    throw new IOException("the average of '" + name + "' has shape " + array.getShape()
                            + "; this generator's is " + target.getShape());
                }
                loaded.put(name, array);
            }
            // Every array checked: only now is the average overwritten.
            for (Map.Entry<String, NDArray> e : loaded.entrySet()) {
                e.getValue().copyTo(averages.get(e.getKey()));
            }
        }
    }
}
