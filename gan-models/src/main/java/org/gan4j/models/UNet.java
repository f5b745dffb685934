package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * pix2pix's U-Net generator (Ronneberger et al. 2015, Isola et al. 2017) on {@code NDList(z,
 * condition)}: z is ignored, the condition (n, C', H, W) is encoded by {@code depth} 4×4 stride-2
 * convolutions and decoded by 4×4 stride-2 transposed convolutions, each decoder level concatenating
 * the encoder's output of the same resolution along the channels (decoder features first, then the
 * skip). Output (n, C, H, W) through tanh, plus the condition's first C channels when residual.
 *
 * <p>Children, in order (and so in the saved parameters): {@code down0 … down(depth−1)}, then
 * {@code up(depth−1) … up1}, then {@code out}. {@code up k} maps resolution level k+1 to level k.
 */
final class UNet extends AbstractBlock {
    private final int depth;
    private final int outChannels;
    private final boolean residual;
    private final Block[] down;
    private final Block[] up; // up[0] is the output layer (transposed conv to C channels + tanh)

    /**
     * @param widths channels of each encoder level, widths[i] at resolution H / 2^(i+1); its length is the depth
     * @param outChannels C, the channels of the generated sample
     * @param dropout rate of the dropout after the innermost {@code dropoutLayers} decoder blocks (0: none)
     * @param dropoutLayers how many decoder blocks, counted from the innermost, have dropout (at most depth − 1
     *     exist; more means all of them)
     * @param residual add the condition's first C channels to the tanh output
     */
    UNet(int[] widths, int outChannels, float dropout, int dropoutLayers, boolean residual, Layers layers) {
        this.depth = widths.length;
        this.outChannels = outChannels;
        this.residual = residual;
        this.down = new Block[depth];
        this.up = new Block[depth];
        for (int i = 0; i < depth; i++) {
            SequentialBlock block = new SequentialBlock();
            block.add(layers.conv(widths[i], 4, 2, 1, false));
            if (i > 0) {
                block.add(BatchNorm.builder().build());
            }
            block.add(Activation.leakyReluBlock(0.2f));
            down[i] = addChildBlock("down" + i, block);
        }
        for (int k = depth - 1; k >= 1; k--) {
            SequentialBlock block = new SequentialBlock();
            block.add(transposedConv(widths[k - 1], layers));
            block.add(BatchNorm.builder().build());
            block.add(Activation.reluBlock());
            if (dropout > 0 && depth - 1 - k < dropoutLayers) {
                block.add(Dropout.builder().optRate(dropout).build());
            }
            up[k] = addChildBlock("up" + k, block);
        }
        SequentialBlock out = new SequentialBlock();
        out.add(transposedConv(outChannels, layers));
        out.add(Activation.tanhBlock());
        up[0] = addChildBlock("out", out);
    }

    /**
     * A 4×4 stride-2 transposed conv doubling the resolution. MKL-DNN's backward of a transposed
     * convolution with exactly ONE output filter fails ("could not create a primitive descriptor for a
     * reorder primitive"), so a one-channel layer computes two and keeps the first.
     */
    private static Block transposedConv(int filters, Layers layers) {
        if (filters != 1) {
            return layers.transposed(filters, 4, 2, 1);
        }
        SequentialBlock block = new SequentialBlock();
        block.add(layers.transposed(2, 4, 2, 1));
        block.add(new LambdaBlock(x -> new NDList(x.head().get(":, 0:1, :, :")), "keep-first-channel"));
        return block;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray condition = condition(inputs);
        NDArray[] skips = new NDArray[depth];
        NDArray h = condition;
        for (int i = 0; i < depth; i++) {
            h = down[i].forward(parameterStore, new NDList(h), training, params).head();
            skips[i] = h;
        }
        for (int k = depth - 1; k >= 1; k--) {
            h = up[k].forward(parameterStore, new NDList(h), training, params).head();
            h = h.concat(skips[k - 1], 1);
        }
        h = up[0].forward(parameterStore, new NDList(h), training, params).head();
        if (residual) {
            h = h.add(condition.get(new NDIndex(":, 0:" + outChannels)));
        }
        return new NDList(h);
    }

    private static NDArray condition(NDList inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(
                    "pix2pix's generator takes NDList(z, condition), got " + inputs.size() + " array(s)");
        }
        return inputs.get(1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = conditionShape(inputShapes);
        Shape[] skips = new Shape[depth];
        for (int i = 0; i < depth; i++) {
            down[i].initialize(manager, dataType, s);
            s = down[i].getOutputShapes(new Shape[] {s})[0];
            skips[i] = s;
        }
        for (int k = depth - 1; k >= 1; k--) {
            up[k].initialize(manager, dataType, s);
            s = up[k].getOutputShapes(new Shape[] {s})[0];
            Shape skip = skips[k - 1];
            s = new Shape(s.get(0), s.get(1) + skip.get(1), s.get(2), s.get(3));
        }
        up[0].initialize(manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape c = conditionShape(inputShapes);
        return new Shape[] {new Shape(c.get(0), outChannels, c.get(2), c.get(3))};
    }

    private static Shape conditionShape(Shape[] inputShapes) {
        if (inputShapes.length != 2 || inputShapes[1].dimension() != 4) {
            throw new IllegalArgumentException("pix2pix's generator takes shapes (z, condition (n, C', H, W)), got "
                    + Arrays.toString(inputShapes));
        }
        return inputShapes[1];
    }

    /** The last transposed conv and its tanh. */
    Block outputLayer() {
        return up[0];
    }

    @Override
    public String toString() {
        return "UNet(depth=" + depth + ", out=" + outChannels + (residual ? ", residual" : "") + ")";
    }
}
