package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.model.ModelSpec;

/**
 * Class conditioning as in Mirza & Osindero (2014): the label enters G and D as a one-hot vector
 * concatenated to their input. Labels are float class ids of shape (batch); ids outside [0, K) give
 * an all-zero vector (MXNet's one_hot), they are not checked on every forward.
 */
final class ClassConditioning {
    private ClassConditioning() {}

    /**
     * The number of classes K the networks are conditioned on (0: unconditional).
     *
     * @throws IllegalArgumentException for an image condition, which this architecture cannot take
     */
    static int classes(ModelSpec spec, String architecture) {
        if (spec.conditionShape() != null) {
            throw new IllegalArgumentException("the " + architecture + " architecture takes class labels as its "
                    + "condition, not an image (condition shape " + spec.conditionShape() + "); for a task that "
                    + "conditions on an image use the pix2pix architecture");
        }
        return spec.numClasses();
    }

    /** oneHot(labels, K) as float32, (batch, K), from float class ids of shape (batch) or (batch, 1). */
    static NDArray oneHot(NDArray labels, int classes) {
        NDArray ids = labels.getShape().dimension() == 1 ? labels : labels.reshape(labels.getShape().get(0));
        return ids.toType(DataType.INT32, false).oneHot(classes).toType(DataType.FLOAT32, false);
    }

    /** The two inputs of a class-conditional network: (input, labels). */
    static NDList requirePair(NDList inputs, String network) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("a class-conditional " + network + " takes NDList("
                    + (network.endsWith("generator") ? "z" : "x") + ", labels), got " + inputs.size() + " array(s)");
        }
        return inputs;
    }

    /** (batch, n) + labels → (batch, n + K). */
    static NDArray appendOneHot(NDArray flat, NDArray labels, int classes) {
        return flat.concat(oneHot(labels, classes), 1);
    }

    /** (batch, C, H, W) + labels → (batch, C + K, H, W): K constant maps, the one-hot vector broadcast. */
    static NDArray appendOneHotMaps(NDArray image, NDArray labels, int classes) {
        Shape s = image.getShape();
        NDArray maps = oneHot(labels, classes).reshape(s.get(0), classes, 1, 1)
                .broadcast(new Shape(s.get(0), classes, s.get(2), s.get(3)));
        return image.concat(maps, 1);
    }
}
