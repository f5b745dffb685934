package org.gan4j.perf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gan4j.api.engine.GanEngines;

/**
 * Where a training step's time goes, layer by layer: each top-level layer of G and D is run alone on
 * an input of the shape it sees in training, in training mode inside a gradient collector, and the
 * median wall time of its forward and of its backward (input and parameter gradients) is taken with
 * the engine drained after each, so asynchronous execution cannot hide a layer's cost in the next.
 */
public final class LayerProfile {
    private LayerProfile() {}

    /**
     * One layer's measurement.
     *
     * @param network "G" or "D"
     * @param index position in the network
     * @param layer the block's description
     * @param input the input shape (batch first)
     * @param flops forward FLOPs counted from the layer's shapes ({@link Flops#forward})
     * @param forwardMs median forward time
     * @param backwardMs median backward time of the layer alone
     * @param chainedBackwardMs what the layer adds to the backward of the network's layers up to it,
     *     chained as in training ({@link #prefixBackwardMs}); NaN when not measured
     */
    public record Layer(String network, int index, String layer, Shape input, long flops, double forwardMs,
            double backwardMs, double chainedBackwardMs) {

        Layer withChainedBackward(double ms) {
            return new Layer(network, index, layer, input, flops, forwardMs, backwardMs, ms);
        }

        /** Achieved GFLOP/s over forward and backward, counting a backward as twice the forward's FLOPs. */
        public double gflops() {
            return flops == 0 ? 0 : 3.0 * flops / ((forwardMs + backwardMs) / 1e3) / 1e9;
        }
    }

    /** Profiles every top-level layer of {@code network} (a {@link SequentialBlock}) on {@code input}. */
    public static List<Layer> profile(String name, Block network, Shape input, NDManager parent, int warmup,
            int repeats) {
        if (!(network instanceof SequentialBlock sequential)) {
            throw new IllegalArgumentException(name + " is not a sequential block; per-layer timing needs one");
        }
        List<Layer> layers = new ArrayList<>();
        ParameterStore store = new ParameterStore(parent, false);
        Shape shape = input;
        int index = 0;
        for (Block layer : sequential.getChildren().values()) {
            double[] forward = new double[repeats];
            double[] backward = new double[repeats];
            for (int r = -warmup; r < repeats; r++) {
                try (NDManager scope = parent.newSubManager()) {
                    NDArray x = scope.randomNormal(shape);
                    // The network's input needs no gradient in training (z; real or detached images in the D-step).
                    boolean first = index == 0 || (index == 1 && sequential.getChildren().get(0).getValue()
                            .getParameters().isEmpty());
                    if (!first || layer.getParameters().isEmpty()) {
                        x.setRequiresGradient(true);
                    }
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        drain(x);
                        long t0 = System.nanoTime();
                        NDArray y = layer.forward(store, new NDList(x), true).head();
                        drain(y);
                        long t1 = System.nanoTime();
                        collector.backward(y); // MXNet seeds a non-scalar head with ones: no sum op is timed
                        drain(y);
                        long t2 = System.nanoTime();
                        if (r >= 0) {
                            forward[r] = (t1 - t0) / 1e6;
                            backward[r] = (t2 - t1) / 1e6;
                        }
                    }
                }
            }
            layers.add(new Layer(name, index++, describe(layer), shape, Flops.forward(layer, shape), median(forward),
                    median(backward), Double.NaN));
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
        return layers;
    }

    /**
     * In-context backward cost: the median backward time of the network's first k layers chained
     * (k = 1..n, head gradient ones, input without gradient as in training), so the k-th entry minus
     * the (k−1)-th is what layer k adds to a real backward pass, layouts and graph included.
     */
    public static double[] prefixBackwardMs(Block network, Shape input, NDManager parent, int warmup, int repeats) {
        SequentialBlock sequential = (SequentialBlock) network;
        List<Block> layers = new ArrayList<>(sequential.getChildren().values());
        ParameterStore store = new ParameterStore(parent, false);
        double[] out = new double[layers.size()];
        for (int k = 1; k <= layers.size(); k++) {
            double[] times = new double[repeats];
            for (int r = -warmup; r < repeats; r++) {
                try (NDManager scope = parent.newSubManager()) {
                    NDArray x = scope.randomNormal(input);
                    if (layers.get(0).getParameters().isEmpty()) {
                        x.setRequiresGradient(true); // a parameter-free first layer alone has nothing to differentiate
                    }
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = x;
                        for (int i = 0; i < k; i++) {
                            y = layers.get(i).forward(store, new NDList(y), true).head();
                        }
                        drain(y);
                        long t0 = System.nanoTime();
                        collector.backward(y);
                        drain(y);
                        if (r >= 0) {
                            times[r] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
            }
            out[k - 1] = median(times);
        }
        return out;
    }

    private static String describe(Block layer) {
        String text = layer.toString().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Waits until the engine has computed {@code array} (MXNet: drains the whole engine queue). */
    static void drain(NDArray array) {
        GanEngines.current().sync().waitAll();
    }
}
