package org.gan4j.metrics.quality;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * The feature extractor of {@code classifier-fd}: a small CNN trained here as a classifier, whose penultimate
 * layer (128 values after a ReLU) serves as the feature space, in the role Inception-v3's pool3 layer plays
 * for FID.
 *
 * <pre>
 * x (C, H, W) → Conv 3×3 (w)  → BatchNorm → ReLU → MaxPool 2
 *             → Conv 3×3 (2w) → BatchNorm → ReLU → MaxPool 2
 *             → flatten → Linear 128 → ReLU            = features (128)
 *             → Linear (classes)                       = logits
 * </pre>
 *
 * <p>Training: softmax cross-entropy from the logits (log-softmax, never log of a softmax), DJL's Adam (rate on a
 * cosine decay) applied parameter by parameter, one backward per minibatch inside a {@link GradientCollector} (BatchNorm's training
 * flag is true exactly there). Every step's arrays live in a sub-manager that is closed, and every gradient
 * handle is closed. Weights are drawn He-normal (std √(2/fan_in)) from a {@link Random} with the given seed and
 * minibatches follow per-epoch permutations of that seed, so training is deterministic for a thread count and
 * never touches the engine's global random state (the GAN's own streams stay as they were).
 */
final class FeatureClassifier implements AutoCloseable {
    /** Bumped whenever the architecture or the training procedure changes: it is part of the cache key. */
    static final int ARCHITECTURE_VERSION = 2;
    static final int FEATURES = 128;
    private static final int INFERENCE_BATCH = 500;

    private final NDManager manager;
    private final SequentialBlock trunk;
    private final SequentialBlock network;
    private final ParameterStore store;
    private final Shape sampleShape;
    private final int numClasses;
    private final int width;

    private FeatureClassifier(NDManager manager, Shape sampleShape, int numClasses, int width) {
        this.manager = manager;
        this.sampleShape = sampleShape;
        this.numClasses = numClasses;
        this.width = width;
        trunk = new SequentialBlock();
        for (int filters : new int[] {width, 2 * width}) {
            trunk.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters).build());
            trunk.add(BatchNorm.builder().build());
            trunk.add(Activation.reluBlock());
            trunk.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        trunk.add(Blocks.batchFlattenBlock());
        trunk.add(Linear.builder().setUnits(FEATURES).build());
        trunk.add(Activation.reluBlock());
        network = new SequentialBlock().add(trunk).add(Linear.builder().setUnits(numClasses).build());
        // Constants only: the real weights are drawn below from a seeded Random (or loaded).
        network.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        network.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(sampleShape));
        store = new ParameterStore(manager, false);
    }

    /** A fresh classifier with He-normal weights drawn from {@code seed}; parameters in a sub-manager of parent. */
    static FeatureClassifier create(NDManager parent, Shape sampleShape, int numClasses, int width, long seed) {
        FeatureClassifier c = new FeatureClassifier(parent.newSubManager(), sampleShape, numClasses, width);
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : c.network.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.getType() != Parameter.Type.WEIGHT) {
                continue; // biases and BatchNorm's beta 0, gamma and running variance 1, running mean 0
            }
            NDArray w = parameter.getArray();
            Shape shape = w.getShape();
            long fanIn = shape.size() / shape.get(0);
            double std = Math.sqrt(2.0 / fanIn);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (std * random.nextGaussian());
            }
            w.set(values);
        }
        return c;
    }

    /** A classifier with the parameters {@link #save} wrote. */
    static FeatureClassifier load(NDManager parent, DataInputStream in, Shape sampleShape, int numClasses,
            int width) throws IOException {
        FeatureClassifier c = new FeatureClassifier(parent.newSubManager(), sampleShape, numClasses, width);
        try {
            c.network.loadParameters(c.manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            c.close();
            throw new IOException("the saved classifier does not match the architecture: " + e.getMessage(), e);
        }
        return c;
    }

    void save(DataOutputStream out) throws IOException {
        network.saveParameters(out);
    }

    /**
     * Trains on {@code data} with Adam (β₁ 0.9, β₂ 0.999), the rate decaying from {@code learningRate} to 1 % of it
     * along a cosine over all steps, for {@code epochs} passes of
     * minibatches of {@code batchSize} (the last, smaller one included), in an order drawn from {@code seed}.
     *
     * @return the mean training loss of the last epoch
     */
    double train(LabelledImages data, int epochs, int batchSize, double learningRate, long seed) {
        int n = data.size();
        int steps = epochs * ((n + batchSize - 1) / batchSize);
        // Cosine decay to 1 % of the rate over the run: the last epoch settles instead of oscillating.
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue((float) learningRate)
                .optFinalValue((float) (learningRate / 100)).setMaxUpdates(steps).build()).build();
        int s = data.sampleSize();
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lastEpochLoss = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            for (int start = 0; start < n; start += batchSize) {
                int b = Math.min(batchSize, n - start);
                float[] x = new float[b * s];
                int[] y = new int[b];
                for (int i = 0; i < b; i++) {
                    int sample = order[start + i];
                    System.arraycopy(data.x(), sample * s, x, i * s, s);
                    y[i] = data.y()[sample];
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray input = step.create(x, new Shape(b).addAll(sampleShape));
                    NDArray oneHot = step.create(y).oneHot(numClasses);
                    NDArray loss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = network.forward(store, new NDList(input), true).head();
                        loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
                        collector.backward(loss);
                    }
                    for (Pair<String, Parameter> p : network.getParameters()) {
                        Parameter parameter = p.getValue();
                        if (!parameter.requiresGradient()) {
                            continue; // BatchNorm's running statistics
                        }
                        NDArray weight = parameter.getArray();
                        try (NDArray gradient = weight.getGradient()) {
                            adam.update(parameter.getId(), weight, gradient);
                        }
                    }
                    lossSum += loss.getFloat() * b;
                }
            }
            lastEpochLoss = lossSum / n;
        }
        return lastEpochLoss;
    }

    /** Penultimate features (n × 128, row by row) of host samples, in inference mode. */
    float[] features(float[] samples, int n) {
        return run(samples, n, true);
    }

    /** Penultimate features of samples held in an array of shape (n, C, H, W). */
    float[] features(NDArray samples) {
        int n = Math.toIntExact(samples.getShape().get(0));
        if (!samples.getShape().slice(1).equals(sampleShape)) {
            throw new IllegalStateException("classifier-fd: the classifier takes samples of shape " + sampleShape
                    + " but got " + samples.getShape().slice(1));
        }
        float[] out = new float[n * FEATURES];
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager chunk = manager.newSubManager()) {
                NDArray part = samples.get(start + ":" + (start + b));
                part.attach(chunk);
                NDArray f = trunk.forward(store, new NDList(part), false).head();
                System.arraycopy(f.toFloatArray(), 0, out, start * FEATURES, b * FEATURES);
            }
        }
        return out;
    }

    /** The fraction of {@code data} whose arg-max logit is its label. */
    double accuracy(LabelledImages data) {
        return accuracy(data.x(), data.y());
    }

    /** The fraction of host samples (row by row) whose arg-max logit is {@code labels[i]}. */
    double accuracy(float[] samples, int[] labels) {
        int[] predicted = argMaxLogits(samples, labels.length);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    private int[] argMaxLogits(float[] samples, int n) {
        float[] logits = run(samples, n, false);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < numClasses; c++) {
                if (logits[i * numClasses + c] > logits[i * numClasses + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private float[] run(float[] samples, int n, boolean featuresOnly) {
        int s = Math.toIntExact(sampleShape.size());
        int width = featuresOnly ? FEATURES : numClasses;
        float[] out = new float[n * width];
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager chunk = manager.newSubManager()) {
                float[] part = new float[b * s];
                System.arraycopy(samples, start * s, part, 0, b * s);
                NDArray x = chunk.create(part, new Shape(b).addAll(sampleShape));
                NDArray y = (featuresOnly ? trunk : network).forward(store, new NDList(x), false).head();
                System.arraycopy(y.toFloatArray(), 0, out, start * width, b * width);
            }
        }
        return out;
    }

    Shape sampleShape() {
        return sampleShape;
    }

    int numClasses() {
        return numClasses;
    }

    int width() {
        return width;
    }

    @Override
    public void close() {
        manager.close();
    }
}
