package org.gan4j.conditional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gan4j.api.conditional.ConditionalPair;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.Batch;
import org.gan4j.api.model.ModelSpec;

/**
 * Class-conditional generation (Mirza and Osindero 2014): G(z | y) and D(x | y) with y the class
 * id; the architecture embeds y (one-hot into G's input and D's input). No reconstruction term.
 */
public final class ClassConditionalTask implements ConditionalTask {

    @Override
    public ModelSpec modelSpec(Shape sampleShape, int numClasses, int latentDim) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("class-conditional needs labelled data, but the data source has no "
                    + "labels; use a data source with class labels");
        }
        this.classes = numClasses;
        return new ModelSpec(sampleShape, latentDim, numClasses, null);
    }

    @Override
    public ConditionalPair pair(NDManager manager, Batch clean, long seed) {
        if (clean.labels() == null) {
            throw new IllegalStateException("class-conditional: the data source served a batch without labels");
        }
        return ConditionalPair.of(clean.labels().toType(DataType.FLOAT32, false), clean.samples());
    }

    /** Labels in blocks 0,0,…,1,1,…: sample i gets class ⌊i·K/n⌋, so a grid shows one row per class. */
    @Override
    public ConditionalPair evaluationPair(NDManager manager, Batch clean, long seed) {
        int n = clean.size();
        int classes = numClassesOf(clean);
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (float) ((long) i * classes / n);
        }
        return ConditionalPair.of(manager.create(labels), clean.samples());
    }

    /** The data's class count, remembered from {@link #modelSpec}, which every run calls before training. */
    private int classes;

    private int numClassesOf(Batch clean) {
        if (classes <= 0) {
            throw new IllegalStateException("class-conditional: modelSpec was not called before evaluation");
        }
        return classes;
    }
}
