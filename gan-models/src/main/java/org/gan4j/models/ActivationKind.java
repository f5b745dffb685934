package org.gan4j.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Hidden-layer activations an architecture can use, by their YAML names. */
public enum ActivationKind {
    RELU(Activation::relu),
    LEAKY_RELU(x -> Activation.leakyRelu(x, 0.2f)),
    TANH(Activation::tanh),
    ELU(x -> Activation.elu(x, 1f)),
    SIGMOID(Activation::sigmoid);

    private final Function<NDList, NDList> function;

    ActivationKind(Function<NDList, NDList> function) {
        this.function = function;
    }

    /** A parameter-free block applying this activation. */
    public Block block() {
        return new LambdaBlock(function, yamlName());
    }

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActivationKind fromYaml(String name) {
        for (ActivationKind kind : values()) {
            if (kind.yamlName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown activation '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(ActivationKind::yamlName).toList());
    }
}
