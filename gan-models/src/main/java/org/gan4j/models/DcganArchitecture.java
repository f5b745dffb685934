package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.NormalInitializer;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;

/**
 * DCGAN (Radford et al., 2016): G z → reshape (z, 1, 1) → transposed convs with BatchNorm + ReLU →
 * Tanh image (C, S, S); D image → strided convs with BatchNorm (not on the first) + LeakyReLU(0.2) →
 * one logit; no biases; every weight drawn from N(0, init_std²). S ∈ {28, 32, 64}, C ∈ {1, 3}. G's first and
 * D's last level (a k×k (de)convolution to or from a 1×1 map) are built as the equivalent dense layer.
 *
 * <p>With width b = base_width: S = 28: G z → 2b@7 (k7 s1 p0) → b@14 → C@28 (k4 s2 p1), D C → b@14
 * → 2b@7 (k4 s2 p1) → 1 (k7 s1 p0). S = 32: G z → 4b@4 (k4 s1 p0) → 2b@8 → b@16 → C@32, D mirrored
 * ending with a k4 s1 p0 conv on 4b@4. S = 64 adds one level (8b@4).
 *
 * <p>Class-conditional (Mirza & Osindero 2014) when the spec has K = numClasses > 0: G takes
 * {@code NDList(z, labels)} and starts from concat(z, oneHot(label, K)) as a (latent + K, 1, 1)
 * map; D takes {@code NDList(x, labels)} and sees x with K constant one-hot channel maps appended,
 * (C + K, S, S). Labels are float class ids of shape (batch).
 */
public final class DcganArchitecture implements Architecture {
    /** Image sizes the layer plans below exist for. */
    public static final List<Integer> SIZES = List.of(28, 32, 64);

    @JsonPropertyDescription("channels of the widest-resolution layer b; deeper layers use 2b, 4b, 8b")
    private int baseWidth = 64;

    @JsonPropertyDescription("standard deviation of the N(0, σ²) initialisation of every conv weight")
    private double initStd = 0.02;

    @JsonProperty("d_norm")
    @JsonPropertyDescription("normalisation after D's hidden layers: batch, layer (per sample, e.g. for WGAN-GP's "
            + "critic) or none; unset: batch (on all but the first conv)")
    private NormKind dNorm;

    public int getBaseWidth() {
        return baseWidth;
    }

    public void setBaseWidth(int baseWidth) {
        this.baseWidth = ConfigChecks.positive(baseWidth);
    }

    public double getInitStd() {
        return initStd;
    }

    public void setInitStd(double initStd) {
        this.initStd = ConfigChecks.positive(initStd);
    }

    @JsonProperty("d_norm")
    public NormKind getDNorm() {
        return dNorm;
    }

    @JsonProperty("d_norm")
    public void setDNorm(NormKind dNorm) {
        this.dNorm = dNorm;
    }

    /** D's normalisation: d_norm, or batch when unset. */
    NormKind discriminatorNorm() {
        return dNorm != null ? dNorm : NormKind.BATCH;
    }

    /** One resolution level: a (transposed) conv to {@code channels} at {@code size}². */
    private record Level(int channels, int size, int kernel, int stride, int padding) {}

    @Override
    public Block generator(ModelSpec spec) {
        Image image = check(spec);
        int classes = spec.numClasses();
        int inputs = spec.latentDim() + classes;
        SequentialBlock g = new SequentialBlock();
        g.add(new LambdaBlock(x -> {
            NDArray z = classes > 0
                    ? ClassConditioning.appendOneHot(
                            ClassConditioning.requirePair(x, "dcgan generator").get(0), x.get(1), classes)
                    : x.head();
            return new NDList(z);
        }, "z"));
        List<Level> plan = generatorPlan(image);
        // The first level is a k×k transposed convolution of a 1×1 map, i.e. a dense layer to C·k·k values
        // reshaped to (C, k, k). Written as one it leaves the next layers' data in the plain layout; as an
        // MKL-DNN deconvolution the following 28×28 G's backward cost ~15 ms more per step (gan perf --layers).
        Level first = plan.get(0);
        g.add(Linear.builder().setUnits((long) first.channels() * first.kernel() * first.kernel()).optBias(false).build());
        g.add(new LambdaBlock(x -> new NDList(x.head().reshape(x.head().getShape().get(0), first.channels(),
                first.kernel(), first.kernel())), "to-" + first.kernel() + "x" + first.kernel()));
        g.add(BatchNorm.builder().build());
        g.add(Activation.reluBlock());
        for (int i = 1; i < plan.size(); i++) {
            Level level = plan.get(i);
            boolean last = i == plan.size() - 1;
            // MKL-DNN's backward of a transposed convolution with exactly ONE output filter fails
            // ("could not create a primitive descriptor for a reorder primitive") once the layer has
            // 16 or more input channels, i.e. at every real base width; 2+ filters work.
            // So a gray G produces two channels and keeps the first (the second gets no gradient).
            int filters = last && level.channels() == 1 ? 2 : level.channels();
            g.add(new TransposedConv2d(filters, level.kernel(), level.stride(), level.padding()));
            if (!last) {
                g.add(BatchNorm.builder().build());
                g.add(Activation.reluBlock());
            } else if (filters != level.channels()) {
                g.add(new LambdaBlock(x -> new NDList(x.head().get(":, 0:1, :, :")), "keep-first-channel"));
            }
        }
        g.add(Activation.tanhBlock());
        g.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
        return g;
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        Image image = check(spec);
        int classes = spec.numClasses();
        SequentialBlock d = new SequentialBlock();
        if (classes > 0) {
            d.add(new LambdaBlock(x -> new NDList(ClassConditioning.appendOneHotMaps(
                    ClassConditioning.requirePair(x, "dcgan discriminator").get(0), x.get(1), classes)),
                    "append-one-hot-maps"));
        }
        List<Level> plan = discriminatorPlan(image);
        for (int i = 0; i < plan.size() - 1; i++) {
            Level level = plan.get(i);
            d.add(Conv2d.builder()
                    .setFilters(level.channels())
                    .setKernelShape(new Shape(level.kernel(), level.kernel()))
                    .optStride(new Shape(level.stride(), level.stride()))
                    .optPadding(new Shape(level.padding(), level.padding()))
                    .optBias(false)
                    .build());
            Block norm = i > 0 ? discriminatorNorm().block() : null;
            if (norm != null) {
                d.add(norm);
            }
            d.add(Activation.leakyReluBlock(0.2f));
        }
        // The last level is a k×k convolution over the whole k×k map to one filter, i.e. a dense layer on the
        // flattened map. Written as one: MKL-DNN's backward of that one-filter convolution inside a network
        // cost ~14 ms per D pass at 28×28 (gan perf --layers), the dense layer well under one.
        d.add(Blocks.batchFlattenBlock());
        d.add(Linear.builder().setUnits(1).optBias(false).build());
        d.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
        return d;
    }

    /** Widths up to this are planned exactly (8 × it still fits an int). */
    private static final int MAX_PLANNED_WIDTH = 1 << 20;

    /** The convolution kernels, dense layers and batch-norm parameters of the two plans. */
    @Override
    public java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        Image image = check(spec);
        if (baseWidth > MAX_PLANNED_WIDTH) {
            // The plans' int widths would overflow; parameters grow at least linearly with the width.
            DcganArchitecture capped = new DcganArchitecture();
            capped.setBaseWidth(MAX_PLANNED_WIDTH);
            return java.util.OptionalDouble.of(capped.estimateParameters(spec).getAsDouble()
                    * ((double) baseWidth / MAX_PLANNED_WIDTH));
        }
        List<Level> g = generatorPlan(image);
        double count = (double) (spec.latentDim() + spec.numClasses()) * g.get(0).channels() * g.get(0).kernel()
                * g.get(0).kernel() + 4.0 * g.get(0).channels();
        for (int i = 1; i < g.size(); i++) {
            Level level = g.get(i);
            boolean last = i == g.size() - 1;
            int filters = last && level.channels() == 1 ? 2 : level.channels(); // as generator() builds it
            count += (double) g.get(i - 1).channels() * filters * level.kernel() * level.kernel()
                    + (last ? 0 : 4.0 * filters);
        }
        List<Level> d = discriminatorPlan(image);
        double in = image.channels() + spec.numClasses();
        for (int i = 0; i < d.size() - 1; i++) {
            Level level = d.get(i);
            count += in * level.channels() * level.kernel() * level.kernel()
                    + (i > 0 ? (double) discriminatorNorm().parametersPerChannel() * level.channels() : 0);
            in = level.channels();
        }
        Level lastMap = d.get(d.size() - 2);
        count += in * lastMap.size() * lastMap.size();
        return java.util.OptionalDouble.of(count);
    }

    /** G's levels from the 1×1 latent to the image: widths double towards the latent side. */
    private List<Level> generatorPlan(Image image) {
        List<Level> plan = new ArrayList<>();
        if (image.size() == 28) {
            plan.add(new Level(2 * baseWidth, 7, 7, 1, 0));
            plan.add(new Level(baseWidth, 14, 4, 2, 1));
            plan.add(new Level(image.channels(), 28, 4, 2, 1));
            return plan;
        }
        int hidden = Integer.numberOfTrailingZeros(image.size() / 4); // 32 → 3 levels, 64 → 4
        for (int i = 0; i < hidden; i++) {
            int size = 4 << i;
            int width = baseWidth << (hidden - 1 - i);
            plan.add(i == 0 ? new Level(width, size, 4, 1, 0) : new Level(width, size, 4, 2, 1));
        }
        plan.add(new Level(image.channels(), image.size(), 4, 2, 1));
        return plan;
    }

    /** D's levels from the image to one logit, the mirror of G's. */
    private List<Level> discriminatorPlan(Image image) {
        List<Level> plan = new ArrayList<>();
        if (image.size() == 28) {
            plan.add(new Level(baseWidth, 14, 4, 2, 1));
            plan.add(new Level(2 * baseWidth, 7, 4, 2, 1));
            plan.add(new Level(1, 1, 7, 1, 0));
            return plan;
        }
        int hidden = Integer.numberOfTrailingZeros(image.size() / 4);
        for (int i = 0; i < hidden; i++) {
            plan.add(new Level(baseWidth << i, image.size() >> (i + 1), 4, 2, 1));
        }
        plan.add(new Level(1, 1, 4, 1, 0));
        return plan;
    }

    /** The image G draws and D judges: C channels of size×size. */
    private record Image(int channels, int size) {}

    private static Image check(ModelSpec spec) {
        ClassConditioning.classes(spec, "dcgan");
        Shape s = spec.sampleShape();
        boolean ok = s.dimension() == 3 && (s.get(0) == 1 || s.get(0) == 3) && s.get(1) == s.get(2)
                && SIZES.contains((int) s.get(1));
        if (!ok) {
            throw new IllegalArgumentException("dcgan needs square images (C, S, S) with C in [1, 3] and S in "
                    + SIZES + "; the data's samples have shape " + s
                    + " (resize them in the data source)");
        }
        return new Image((int) s.get(0), (int) s.get(1));
    }
}
