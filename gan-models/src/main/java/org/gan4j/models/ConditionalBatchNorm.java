package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Conditional batch normalisation (de Vries et al. 2017; Miyato and Koyama 2018): for a feature h of C channels
 * and class y,
 * <pre>
 *   cBN(h, y) = γ_y ⊙ BN(h) + β_y,   γ_y = 1 + G[y],  β_y = B[y],
 * </pre>
 * BN the batch normalisation without its own scale and shift, G and B (K × C) per-class tables that start at
 * zero (so the layer starts as plain BN). Takes and returns NDList(h, labels), h (batch, C) or (batch, C, H, W),
 * labels float class ids (batch).
 */
final class ConditionalBatchNorm extends AbstractBlock {
    private final int classes;
    private final BatchNorm norm;
    private final Parameter gain;
    private final Parameter shift;

    ConditionalBatchNorm(int classes) {
        this.classes = classes;
        this.norm = addChildBlock("norm", BatchNorm.builder().optScale(false).optCenter(false).build());
        // BETA-typed parameters start at zero and are left alone by the architectures' WEIGHT initialisers.
        this.gain = addParameter(Parameter.builder().setName("class_gain").setType(Parameter.Type.BETA).build());
        this.shift = addParameter(Parameter.builder().setName("class_shift").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray normalised = norm.forward(store, new NDList(h), training, params).head();
        NDArray oneHot = ClassConditioning.oneHot(inputs.get(1), classes);
        NDArray g = oneHot.matMul(store.getValue(gain, h.getDevice(), training));
        NDArray b = oneHot.matMul(store.getValue(shift, h.getDevice(), training));
        if (h.getShape().dimension() == 4) {
            Shape perChannel = new Shape(h.getShape().get(0), h.getShape().get(1), 1, 1);
            g = g.reshape(perChannel);
            b = b.reshape(perChannel);
        }
        return new NDList(normalised.mul(g.add(1)).add(b), inputs.get(1));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape table = new Shape(classes, inputShapes[0].get(1));
        gain.setShape(table);
        shift.setShape(table);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, inputShapes[0]);
    }
}
