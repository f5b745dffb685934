package org.gan4j.perf;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;

/**
 * Multiply-add FLOPs of a forward pass, counted from the layer shapes: 2·in·out per sample for a
 * dense layer, 2·C_in·C_out·k²·H_out·W_out for a convolution and 2·C_in·C_out·k²·H_in·W_in for a
 * transposed one. Activations, normalisation and losses are not counted (they are O(activations)).
 */
public final class Flops {
    private Flops() {}

    /** FLOPs of {@code block}'s forward on an input of shape {@code input} (batch axis first). */
    public static long forward(Block block, Shape input) {
        if (block instanceof SequentialBlock sequential) {
            long total = 0;
            Shape shape = input;
            for (var child : sequential.getChildren().values()) {
                total += forward(child, shape);
                shape = child.getOutputShapes(new Shape[] {shape})[0];
            }
            return total;
        }
        Parameter weight = block.getParameters().values().stream()
                .filter(p -> p.getName().equals("weight")).findFirst().orElse(null);
        if (weight == null || weight.getArray() == null) {
            return 0;
        }
        Shape w = weight.getArray().getShape();
        long batch = input.get(0);
        if (w.dimension() == 2) { // dense: (out, in)
            return 2 * (input.size() / w.get(1)) * w.get(0) * w.get(1);
        }
        if (w.dimension() == 4) {
            long kernelMacs = w.get(0) * w.get(1) * w.get(2) * w.get(3);
            if (block.getClass().getSimpleName().toLowerCase().contains("transpose")) {
                return 2 * batch * kernelMacs * input.get(2) * input.get(3); // every input pixel scatters a kernel
            }
            Shape out = block.getOutputShapes(new Shape[] {input})[0];
            return 2 * batch * kernelMacs * out.get(2) * out.get(3);
        }
        return 0;
    }

    /**
     * FLOPs of one training iteration (one D update + one G update, batch m) given G's and D's forward
     * FLOPs on m samples: D-step G + 2D forward and 2·2D backward; G-step G + D forward, 2D + 2G backward
     * (the G-step's G forward is skipped when it reuses the D-step's G(z)).
     */
    public static long trainingStep(long generatorForward, long discriminatorForward, boolean reuseFake) {
        return (reuseFake ? 3 : 4) * generatorForward + 9 * discriminatorForward;
    }
}
