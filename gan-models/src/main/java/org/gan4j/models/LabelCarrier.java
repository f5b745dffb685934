package org.gan4j.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Runs a one-input block on the first array of NDList(h, labels) and passes the labels on: NDList(block(h),
 * labels). It lets a sequential network carry the class ids to the conditional layers further down.
 */
final class LabelCarrier extends AbstractBlock {
    private final Block inner;

    LabelCarrier(Block inner) {
        this.inner = addChildBlock("carried", inner);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList out = inner.forward(store, new NDList(inputs.get(0)), training, params);
        return new NDList(out.head(), inputs.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inner.getOutputShapes(new Shape[] {inputShapes[0]})[0], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes[0]);
    }
}
