package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Self-attention over the positions of a feature map (SAGAN, Zhang et al. 2019). With 1×1 convolutions
 * f, g (C → max(1, C/8)), h (C → C) and v (C → C), for x of shape (C, H, W) and positions i, j of the N = H·W:
 * s_ij = f(x_i)ᵀ g(x_j), β_ji = exp(s_ij) / Σ_i exp(s_ij) (how much output position j attends to i),
 * o_j = v(Σ_i β_ji h(x_i)), and y = x + γ·o with a learned scalar γ that starts at 0, so a fresh network computes
 * exactly what it would without the block and learns how much non-local evidence to use. The convolutions come
 * from the network's {@link Layers}, so they are spectrally normalised when the network is. Plain NDArray
 * operations (batched matrix products, softmax): any engine.
 */
final class SelfAttention extends AbstractBlock {
    private final Block query;
    private final Block key;
    private final Block value;
    private final Block out;
    private final Parameter gamma;

    SelfAttention(int channels, Layers layers) {
        int reduced = Math.max(1, channels / 8);
        query = addChildBlock("f", layers.conv(reduced, 1, 1, 0, false));
        key = addChildBlock("g", layers.conv(reduced, 1, 1, 0, false));
        value = addChildBlock("h", layers.conv(channels, 1, 1, 0, false));
        out = addChildBlock("v", layers.conv(channels, 1, 1, 0, false));
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.OTHER)
                .optInitializer(Initializer.ZEROS).optShape(new Shape(1)).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long n = s.get(0);
        long positions = s.get(2) * s.get(3);
        NDArray f = query.forward(parameterStore, inputs, training, params).head().reshape(n, -1, positions);
        NDArray g = key.forward(parameterStore, inputs, training, params).head().reshape(n, -1, positions);
        NDArray h = value.forward(parameterStore, inputs, training, params).head().reshape(n, -1, positions);
        // (n, N_j, N_i): row j holds s_ij over i, normalised over i.
        NDArray attention = g.transpose(0, 2, 1).matMul(f).softmax(2);
        NDArray attended = h.matMul(attention.transpose(0, 2, 1)).reshape(s);
        NDArray o = out.forward(parameterStore, new NDList(attended), training, params).head();
        NDArray scale = parameterStore.getValue(gamma, x.getDevice(), training);
        return new NDList(x.add(o.mul(scale)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        query.initialize(manager, dataType, in);
        key.initialize(manager, dataType, in);
        value.initialize(manager, dataType, in);
        out.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "SelfAttention";
    }
}
