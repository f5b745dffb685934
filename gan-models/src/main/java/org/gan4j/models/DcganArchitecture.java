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
import ai.djl.training.initializer.NormalInitializer;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
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
 * (C + K, S, S). Labels are float class ids of shape (batch). With {@code generator_conditioning:
 * conditional_batchnorm} G starts from z alone and every batch norm of G is a {@link ConditionalBatchNorm};
 * with {@code discriminator_conditioning: projection} or {@code auxiliary_classifier} D's convolutions see x
 * alone and φ(x) is the flattened last feature map (the input of the final dense layer ψ), see
 * {@link ConditionedDiscriminator}.
 */
public final class DcganArchitecture extends ClassConditionOptions {
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

    @JsonPropertyDescription("spectral normalisation (Miyato et al. 2018) of the weight layers of d, g, both or "
            + "none; D's power iteration advances in the D-step only, and D's batch norm is dropped unless d_norm "
            + "is set")
    private SpectralNormTarget spectralNorm = SpectralNormTarget.NONE;

    @JsonPropertyDescription("place a self-attention block (SAGAN, γ starting at 0) in G and D after the hidden "
            + "layer of this resolution: 7 or 14 at 28 px, 4, 8 or 16 at 32 px, 4 to 32 at 64 px; unset: none")
    private Integer attentionAt;

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

    public Integer getAttentionAt() {
        return attentionAt;
    }

    public void setAttentionAt(Integer attentionAt) {
        this.attentionAt = attentionAt;
    }

    /** The hidden resolutions of G and D where attention can sit: both networks have a feature map of that size. */
    private List<Integer> attentionResolutions(Image image) {
        List<Integer> sizes = new ArrayList<>();
        List<Level> g = generatorPlan(image);
        List<Integer> d = discriminatorPlan(image).stream().map(Level::size).toList();
        for (int i = 0; i < g.size() - 1; i++) {
            if (d.contains(g.get(i).size())) {
                sizes.add(g.get(i).size());
            }
        }
        return sizes;
    }

    private void checkAttention(Image image) {
        if (attentionAt != null && !attentionResolutions(image).contains(attentionAt)) {
            throw new IllegalArgumentException("attention_at " + attentionAt + " is not a resolution of dcgan's hidden "
                    + "feature maps for " + image.size() + "×" + image.size() + " images; use one of "
                    + attentionResolutions(image) + " (or leave it unset)");
        }
    }

    /** A self-attention block when {@code attention_at} is this level's resolution, else null. */
    private Block attention(Level level, Layers layers) {
        return attentionAt != null && level.size() == attentionAt ? new SelfAttention(level.channels(), layers) : null;
    }

    private static void addIfAny(SequentialBlock net, Block block) {
        if (block != null) {
            net.add(block);
        }
    }

    private static void addIfAny(GeneratorChain net, Block block) {
        if (block != null) {
            net.add(block);
        }
    }

    public SpectralNormTarget getSpectralNorm() {
        return spectralNorm;
    }

    public void setSpectralNorm(SpectralNormTarget spectralNorm) {
        this.spectralNorm = spectralNorm == null ? SpectralNormTarget.NONE : spectralNorm;
    }

    /** D's normalisation: d_norm, or batch when unset (none under D's spectral norm, as in SNGAN). */
    NormKind discriminatorNorm() {
        return dNorm != null ? dNorm : spectralNorm.discriminator() ? NormKind.NONE : NormKind.BATCH;
    }

    /** One resolution level: a (transposed) conv to {@code channels} at {@code size}². */
    private record Level(int channels, int size, int kernel, int stride, int padding) {}

    @Override
    public Block generator(ModelSpec spec) {
        Image image = check(spec);
        checkAttention(image);
        int classes = classes(spec, "dcgan");
        boolean cbn = conditionalBatchNorm(classes);
        GeneratorChain g = new GeneratorChain(classes, cbn);
        g.addInput(new LambdaBlock(x -> {
            if (cbn) { // z alone enters the first layer; the labels travel on to the conditional batch norms
                return ClassConditioning.requirePair(x, "dcgan generator");
            }
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
        Layers layers = Layers.generator(spectralNorm);
        g.add(layers.dense((long) first.channels() * first.kernel() * first.kernel(), false));
        g.add(new LambdaBlock(x -> new NDList(x.head().reshape(x.head().getShape().get(0), first.channels(),
                first.kernel(), first.kernel())), "to-" + first.kernel() + "x" + first.kernel()));
        g.norm();
        g.add(Activation.reluBlock());
        addIfAny(g, attention(first, layers));
        for (int i = 1; i < plan.size(); i++) {
            Level level = plan.get(i);
            boolean last = i == plan.size() - 1;
            // MKL-DNN's backward of a transposed convolution with exactly ONE output filter fails
            // ("could not create a primitive descriptor for a reorder primitive") once the layer has
            // 16 or more input channels, i.e. at every real base width; 2+ filters work.
            // So a gray G produces two channels and keeps the first (the second gets no gradient).
            int filters = last && level.channels() == 1 ? 2 : level.channels();
            g.add(layers.transposed(filters, level.kernel(), level.stride(), level.padding()));
            if (!last) {
                g.norm();
                g.add(Activation.reluBlock());
                addIfAny(g, attention(level, layers));
            } else if (filters != level.channels()) {
                g.add(new LambdaBlock(x -> new NDList(x.head().get(":, 0:1, :, :")), "keep-first-channel"));
            }
        }
        g.add(Activation.tanhBlock());
        SequentialBlock built = g.build();
        built.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
        return built;
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        Image image = check(spec);
        checkAttention(image);
        int classes = classes(spec, "dcgan");
        boolean head = conditionedHead(classes);
        SequentialBlock d = new SequentialBlock();
        if (classes > 0 && !head) {
            d.add(new LambdaBlock(x -> new NDList(ClassConditioning.appendOneHotMaps(
                    ClassConditioning.requirePair(x, "dcgan discriminator").get(0), x.get(1), classes)),
                    "append-one-hot-maps"));
        }
        List<Level> plan = discriminatorPlan(image);
        Layers layers = Layers.discriminator(spectralNorm);
        for (int i = 0; i < plan.size() - 1; i++) {
            Level level = plan.get(i);
            d.add(layers.conv(level.channels(), level.kernel(), level.stride(), level.padding(), false));
            Block norm = i > 0 ? discriminatorNorm().block() : null;
            if (norm != null) {
                d.add(norm);
            }
            d.add(Activation.leakyReluBlock(0.2f));
            addIfAny(d, attention(level, layers));
        }
        // The last level is a k×k convolution over the whole k×k map to one filter, i.e. a dense layer on the
        // flattened map. Written as one: MKL-DNN's backward of that one-filter convolution inside a network
        // cost ~14 ms per D pass at 28×28 (gan perf --layers), the dense layer well under one.
        d.add(Blocks.batchFlattenBlock());
        if (head) { // φ(x) = the flattened last map; ψ, and the embedding or class head, on top
            Level lastMap = plan.get(plan.size() - 2);
            int features = lastMap.channels() * lastMap.size() * lastMap.size();
            Block conditioned = new ConditionedDiscriminator(getDiscriminatorConditioning(), classes, features, d,
                    false, layers);
            conditioned.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
            return conditioned;
        }
        d.add(layers.dense(1, false));
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
            capped.setGeneratorConditioning(getGeneratorConditioning());
            capped.setDiscriminatorConditioning(getDiscriminatorConditioning());
            capped.setDNorm(dNorm);
            capped.setSpectralNorm(spectralNorm);
            capped.setAttentionAt(attentionAt);
            return java.util.OptionalDouble.of(capped.estimateParameters(spec).getAsDouble()
                    * ((double) baseWidth / MAX_PLANNED_WIDTH));
        }
        int classes = classes(spec, "dcgan");
        boolean cbn = conditionalBatchNorm(classes);
        boolean head = conditionedHead(classes);
        List<Level> g = generatorPlan(image);
        // A conditional batch norm keeps BN's four values per channel (its own scale and shift fixed) and two K-row tables.
        double perNorm = cbn ? 4.0 + 2.0 * classes : 4.0;
        double count = (double) (spec.latentDim() + (cbn ? 0 : classes)) * g.get(0).channels() * g.get(0).kernel()
                * g.get(0).kernel() + perNorm * g.get(0).channels();
        for (int i = 1; i < g.size(); i++) {
            Level level = g.get(i);
            boolean last = i == g.size() - 1;
            int filters = last && level.channels() == 1 ? 2 : level.channels(); // as generator() builds it
            count += (double) g.get(i - 1).channels() * filters * level.kernel() * level.kernel()
                    + (last ? 0 : perNorm * filters);
        }
        List<Level> d = discriminatorPlan(image);
        double in = spec.discriminatorInputShape().get(0) + (head ? 0 : classes); // a pack's channels
        for (int i = 0; i < d.size() - 1; i++) {
            Level level = d.get(i);
            count += in * level.channels() * level.kernel() * level.kernel()
                    + (i > 0 ? (double) discriminatorNorm().parametersPerChannel() * level.channels() : 0);
            in = level.channels();
        }
        Level lastMap = d.get(d.size() - 2);
        int features = (int) in * lastMap.size() * lastMap.size();
        count += head ? ConditionedDiscriminator.headParameters(getDiscriminatorConditioning(), classes, features, false)
                : features;
        checkAttention(image);
        if (attentionAt != null) { // in G and in D, each with the channels of its map at that resolution
            for (List<Level> plan : List.of(g, d)) {
                Level at = plan.stream().filter(l -> l.size() == attentionAt).findFirst().orElseThrow();
                count += attentionParameters(at.channels());
            }
        }
        return java.util.OptionalDouble.of(count);
    }

    /** f, g (C → max(1, C/8)), h, v (C → C) 1×1 kernels without bias, and γ. */
    static double attentionParameters(double channels) {
        double reduced = Math.max(1, Math.floor(channels / 8));
        return 2 * channels * reduced + 2 * channels * channels + 1;
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
