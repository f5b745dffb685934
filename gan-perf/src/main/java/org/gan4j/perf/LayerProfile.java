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
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a training step's time goes, layer by layer: each top-level layer of G and D is run alone on
 * an input of the shape it sees in training, in training mode inside a gradient collector, and the
 * median wall time of its forward and of its backward (input and parameter gradients) is taken with
 * the engine drained after each, so asynchronous execution cannot hide a layer's cost in the next.
 */
public final class LayerProfile {
    private static final Method WAIT_ALL = waitAll();

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
     * @param backwardMs median backward time
     */
    public record Layer(String network, int index, String layer, Shape input, long flops, double forwardMs,
            double backwardMs) {
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
                    x.setRequiresGradient(true); // in training every layer but G's first passes a gradient back
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        drain(x);
                        long t0 = System.nanoTime();
                        NDArray y = layer.forward(store, new NDList(x), true).head();
                        drain(y);
                        long t1 = System.nanoTime();
                        collector.backward(y.sum());
                        drain(x.getGradient());
                        long t2 = System.nanoTime();
                        if (r >= 0) {
                            forward[r] = (t1 - t0) / 1e6;
                            backward[r] = (t2 - t1) / 1e6;
                        }
                    }
                }
            }
            layers.add(new Layer(name, index++, describe(layer), shape, Flops.forward(layer, shape), median(forward),
                    median(backward)));
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
        return layers;
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
    private static void drain(NDArray array) {
        try {
            if (WAIT_ALL != null) {
                WAIT_ALL.invoke(null);
                return;
            }
        } catch (ReflectiveOperationException e) {
            // fall through to a read, which also waits
        }
        array.sum().getFloat();
    }

    private static Method waitAll() {
        try {
            return Class.forName("ai.djl.mxnet.jna.JnaUtils").getMethod("waitAll");
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
