package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.function.Function;
import org.gan4j.api.config.ConfigChecks;

/**
 * Hidden-layer activations an architecture can use, by their YAML names. {@code maxout} (Goodfellow et al.
 * 2013) is the max over {@code pieces} linear units: a layer of width w computes w × pieces units, and
 * {@link #maxout(int)} takes the max over each group of {@code pieces} consecutive ones.
 */
public enum ActivationKind {
    RELU(Activation::relu),
    LEAKY_RELU(x -> Activation.leakyRelu(x, 0.2f)),
    TANH(Activation::tanh),
    ELU(x -> Activation.elu(x, 1f)),
    SIGMOID(Activation::sigmoid),
    MAXOUT(null);

    private final Function<NDList, NDList> function;

    ActivationKind(Function<NDList, NDList> function) {
        this.function = function;
    }

    /** A parameter-free block applying this activation ({@code maxout} needs {@link #block(int)}). */
    public Block block() {
        if (function == null) {
            throw new IllegalStateException(yamlName() + " needs its number of pieces; use block(pieces)");
        }
        return new LambdaBlock(function, yamlName());
    }

    /** A parameter-free block applying this activation; {@code pieces} is used by {@code maxout} only. */
    public Block block(int pieces) {
        return function == null ? maxout(pieces) : block();
    }

    /** How many units the linear layer before this activation needs per output unit (maxout: pieces). */
    public int unitsPerOutput(int pieces) {
        return function == null ? pieces : 1;
    }

    /** Max over groups of {@code pieces} consecutive units: (N, w × pieces) -> (N, w). */
    public static Block maxout(int pieces) {
        if (pieces < 1) {
            throw new IllegalArgumentException("maxout needs at least 1 piece, got " + pieces);
        }
        return new LambdaBlock(x -> {
            NDArray a = x.head();
            long n = a.getShape().get(0);
            long units = a.getShape().size() / n;
            if (units % pieces != 0) {
                throw new IllegalArgumentException("maxout: " + units + " units are not a multiple of " + pieces
                        + " pieces");
            }
            return new NDList(a.reshape(n, units / pieces, pieces).max(new int[] {2}));
        }, "maxout");
    }

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActivationKind fromYaml(String name) {
        return ConfigChecks.oneOf(name, values(), ActivationKind::yamlName);
    }
}
