package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.model.ModelSpec;

/**
 * The SNGAN ResNet generator and discriminator (Miyato et al. 2018, as in Mimicry) for S ∈ {28, 32, 64} pixel
 * images with C ∈ {1, 3} channels. Pre-activation residual blocks, y = main(x) + shortcut(x):
 *
 * <p><b>G</b>: z → dense to W×s₀×s₀ (s₀ = 7 at 28 px, else 4) → up-blocks until S, each main = BN → ReLU →
 * 2× nearest-neighbour upsampling → conv3×3 → BN → ReLU → conv3×3 and shortcut = upsampling → conv1×1; then BN →
 * ReLU → conv3×3 to C → tanh. W = generator_width.
 *
 * <p><b>D</b>: the first block (the "optimized" one) main = conv3×3 → ReLU → conv3×3 → 2×2 average pooling,
 * shortcut = average pooling → conv1×1; then down-blocks (main = ReLU → conv3×3 → ReLU → conv3×3 → average
 * pooling, shortcut = conv1×1 → average pooling) until the map is at most 8×8, then two blocks that keep the size
 * (identity shortcut); ReLU → sum over positions → dense to one logit. W = discriminator_width. No batch norm.
 *
 * <p>Every weight layer is spectrally normalised in the networks {@code spectral_norm} names; {@code attention_at}
 * adds a {@link SelfAttention} block after the first block of that resolution in G and in D. Class-conditional
 * runs concatenate by default: G starts from concat(z, oneHot(label, K)), D sees K one-hot channel maps appended to
 * x. With {@code generator_conditioning: conditional_batchnorm} G starts from z alone and every batch norm of G
 * (inside the up-blocks and before the output conv) is a {@link ConditionalBatchNorm}; with
 * {@code discriminator_conditioning: projection} or {@code auxiliary_classifier} D sees x alone and φ(x) is the
 * W-vector summed over positions (the input of the final dense layer ψ), see {@link ConditionedDiscriminator}.
 * Plain DJL blocks and NDArray operations only (no transposed convolution), so it runs on any engine.
 */
public final class ResnetArchitecture extends ClassConditionOptions {
    /** Image sizes the networks exist for. */
    public static final List<Integer> SIZES = List.of(28, 32, 64);

    @JsonPropertyDescription("channels W of every residual block of G")
    private int generatorWidth = 128;

    @JsonPropertyDescription("channels W of every residual block of D")
    private int discriminatorWidth = 128;

    @JsonPropertyDescription("spectral normalisation (Miyato et al. 2018) of the weight layers of d, g, both or "
            + "none; D's power iteration advances in the D-step only")
    private SpectralNormTarget spectralNorm = SpectralNormTarget.NONE;

    @JsonPropertyDescription("place a self-attention block (SAGAN, γ starting at 0) in G and D at this resolution: "
            + "7 or 14 at 28 px, 8 or 16 at 32 px, 8, 16 or 32 at 64 px; unset: none")
    private Integer attentionAt;

    public int getGeneratorWidth() {
        return generatorWidth;
    }

    public void setGeneratorWidth(int generatorWidth) {
        this.generatorWidth = ConfigChecks.positive(generatorWidth);
    }

    public int getDiscriminatorWidth() {
        return discriminatorWidth;
    }

    public void setDiscriminatorWidth(int discriminatorWidth) {
        this.discriminatorWidth = ConfigChecks.positive(discriminatorWidth);
    }

    public SpectralNormTarget getSpectralNorm() {
        return spectralNorm;
    }

    public void setSpectralNorm(SpectralNormTarget spectralNorm) {
        this.spectralNorm = spectralNorm == null ? SpectralNormTarget.NONE : spectralNorm;
    }

    public Integer getAttentionAt() {
        return attentionAt;
    }

    public void setAttentionAt(Integer attentionAt) {
        this.attentionAt = attentionAt;
    }

    @Override
    public Block generator(ModelSpec spec) {
        Image image = check(spec);
        int classes = classes(spec, "resnet");
        boolean cbn = conditionalBatchNorm(classes);
        Layers layers = Layers.generator(spectralNorm);
        int w = generatorWidth;
        int start = image.size() == 28 ? 7 : 4;
        GeneratorChain g = new GeneratorChain(classes, cbn);
        g.addInput(new LambdaBlock(x -> {
            if (cbn) { // z alone enters the first layer; the labels travel on to the conditional batch norms
                return ClassConditioning.requirePair(x, "resnet generator");
            }
            return new NDList(classes > 0
                    ? ClassConditioning.appendOneHot(ClassConditioning.requirePair(x, "resnet generator").get(0),
                            x.get(1), classes)
                    : x.head());
        }, "z"));
        g.add(layers.dense((long) w * start * start, true));
        g.add(new LambdaBlock(x -> new NDList(x.head().reshape(x.head().getShape().get(0), w, start, start)),
                "to-" + start + "x" + start));
        int size = start;
        addAttention(g, size, w, layers);
        while (size < image.size()) {
            g.addInput(upBlock(w, layers, classes, cbn)); // carries the labels itself
            size *= 2;
            if (size < image.size()) {
                addAttention(g, size, w, layers);
            }
        }
        g.norm();
        g.add(Activation.reluBlock());
        g.add(layers.conv(image.channels(), 3, 1, 1, true));
        g.add(Activation.tanhBlock());
        return g.build();
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        Image image = check(spec);
        int classes = classes(spec, "resnet");
        boolean head = conditionedHead(classes);
        Layers layers = Layers.discriminator(spectralNorm);
        int w = discriminatorWidth;
        SequentialBlock d = new SequentialBlock();
        if (classes > 0 && !head) {
            d.add(new LambdaBlock(x -> new NDList(ClassConditioning.appendOneHotMaps(
                    ClassConditioning.requirePair(x, "resnet discriminator").get(0), x.get(1), classes)),
                    "append-one-hot-maps"));
        }
        d.add(firstBlock(w, layers));
        int size = image.size() / 2;
        addAttention(d, size, w, layers);
        while (size > 8) {
            d.add(downBlock(w, layers, true));
            size /= 2;
            addAttention(d, size, w, layers);
        }
        d.add(downBlock(w, layers, false));
        d.add(downBlock(w, layers, false));
        d.add(Activation.reluBlock());
        d.add(new LambdaBlock(x -> new NDList(x.head().sum(new int[] {2, 3})), "sum-over-positions"));
        if (head) { // φ(x) = the W features summed over positions; ψ, and the embedding or class head, on top
            return new ConditionedDiscriminator(getDiscriminatorConditioning(), classes, w, d, true, layers);
        }
        d.add(layers.dense(1, true));
        return d;
    }

    /**
     * The dense layers, convolution kernels and biases, G's batch-norm parameters and statistics, and the attention
     * blocks, as {@link #generator} and {@link #discriminator} build them.
     */
    @Override
    public java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        Image image = check(spec);
        int classes = classes(spec, "resnet");
        boolean cbn = conditionalBatchNorm(classes);
        boolean head = conditionedHead(classes);
        double k = classes;
        double c = image.channels();
        double w = generatorWidth;
        int start = image.size() == 28 ? 7 : 4;
        int ups = Integer.numberOfTrailingZeros(image.size() / start);
        double conv3 = 9 * w * w + w;
        // A conditional batch norm keeps BN's four values per channel (its own scale and shift fixed) and two K-row tables.
        double bn = (cbn ? 4 + 2 * k : 4) * w;
        double g = (spec.latentDim() + (cbn ? 0 : k)) * w * start * start + w * start * start
                + ups * (bn + conv3 + bn + conv3 + w * w + w) + bn + 9 * w * c + c;
        double v = discriminatorWidth;
        double dConv3 = 9 * v * v + v;
        int downs = 0;
        for (int size = image.size() / 2; size > 8; size /= 2) {
            downs++;
        }
        double in = spec.discriminatorInputShape().get(0) + (head ? 0 : k); // a pack's channels
        double d = 9 * in * v + v + dConv3 + in * v + v + downs * (2 * dConv3 + v * v + v) + 2 * 2 * dConv3
                + (head ? ConditionedDiscriminator.headParameters(getDiscriminatorConditioning(), classes,
                        discriminatorWidth, true) : v + 1);
        double attention = attentionAt == null ? 0
                : DcganArchitecture.attentionParameters(w) + DcganArchitecture.attentionParameters(v);
        return java.util.OptionalDouble.of(g + d + attention);
    }

    /**
     * BN → ReLU → up → conv3 → BN → ReLU → conv3, plus up → conv1; with conditional batch norm both paths take and
     * return NDList(h, labels), the batch norms being conditional.
     */
    private static Block upBlock(int w, Layers layers, int classes, boolean cbn) {
        GeneratorChain main = new GeneratorChain(classes, cbn);
        main.norm();
        main.add(Activation.reluBlock());
        main.add(upsample());
        main.add(layers.conv(w, 3, 1, 1, true));
        main.norm();
        main.add(Activation.reluBlock());
        main.add(layers.conv(w, 3, 1, 1, true));
        SequentialBlock shortcut = new SequentialBlock();
        shortcut.add(upsample());
        shortcut.add(layers.conv(w, 1, 1, 0, true));
        if (!cbn) {
            return residual(main.carrying(), shortcut);
        }
        return new ParallelBlock(outs -> new NDList(outs.get(0).head().add(outs.get(1).head()), outs.get(0).get(1)),
                List.of(main.carrying(), new LabelCarrier(shortcut)));
    }

    /** conv3 → ReLU → conv3 → pool, plus pool → conv1: the first block sees the image, so no ReLU before it. */
    private static Block firstBlock(int w, Layers layers) {
        SequentialBlock main = new SequentialBlock();
        main.add(layers.conv(w, 3, 1, 1, true));
        main.add(Activation.reluBlock());
        main.add(layers.conv(w, 3, 1, 1, true));
        main.add(averagePool());
        SequentialBlock shortcut = new SequentialBlock();
        shortcut.add(averagePool());
        shortcut.add(layers.conv(w, 1, 1, 0, true));
        return residual(main, shortcut);
    }

    /** ReLU → conv3 → ReLU → conv3 (→ pool), plus conv1 → pool when downsampling, else the identity. */
    private static Block downBlock(int w, Layers layers, boolean down) {
        SequentialBlock main = new SequentialBlock();
        main.add(Activation.reluBlock());
        main.add(layers.conv(w, 3, 1, 1, true));
        main.add(Activation.reluBlock());
        main.add(layers.conv(w, 3, 1, 1, true));
        if (!down) {
            return residual(main, Blocks.identityBlock());
        }
        main.add(averagePool());
        SequentialBlock shortcut = new SequentialBlock();
        shortcut.add(layers.conv(w, 1, 1, 0, true));
        shortcut.add(averagePool());
        return residual(main, shortcut);
    }

    private static Block residual(Block main, Block shortcut) {
        return new ParallelBlock(outs -> new NDList(outs.get(0).head().add(outs.get(1).head())), List.of(main, shortcut));
    }

    /** Nearest-neighbour 2× upsampling: each value repeated along H and W. */
    private static Block upsample() {
        return new LambdaBlock(x -> {
            NDArray a = x.head();
            return new NDList(a.repeat(2, 2).repeat(3, 2));
        }, "nearest-2x");
    }

    private static Block averagePool() {
        return Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    /** Resolutions where both networks have a hidden feature map. */
    static List<Integer> attentionResolutions(int imageSize) {
        List<Integer> sizes = new ArrayList<>();
        int start = imageSize == 28 ? 7 : 4;
        for (int size = imageSize / 2; size >= 7; size /= 2) { // D's maps after each downsampling, down to 8 (or 7)
            if (size >= start && size < imageSize) {
                sizes.add(0, size);
            }
            if (size <= 8) {
                break;
            }
        }
        return sizes;
    }

    private void addAttention(SequentialBlock net, int size, int channels, Layers layers) {
        if (attentionAt != null && attentionAt == size) {
            net.add(new SelfAttention(channels, layers));
        }
    }

    private void addAttention(GeneratorChain net, int size, int channels, Layers layers) {
        if (attentionAt != null && attentionAt == size) {
            net.add(new SelfAttention(channels, layers));
        }
    }

    private record Image(int channels, int size) {}

    private Image check(ModelSpec spec) {
        ClassConditioning.classes(spec, "resnet");
        Shape s = spec.sampleShape();
        boolean ok = s.dimension() == 3 && (s.get(0) == 1 || s.get(0) == 3) && s.get(1) == s.get(2)
                && SIZES.contains((int) s.get(1));
        if (!ok) {
            throw new IllegalArgumentException("resnet needs square images (C, S, S) with C in [1, 3] and S in "
                    + SIZES + "; the data's samples have shape " + s + " (resize them in the data source)");
        }
        int size = (int) s.get(1);
        if (attentionAt != null && !attentionResolutions(size).contains(attentionAt)) {
            throw new IllegalArgumentException("attention_at " + attentionAt + " is not a resolution of resnet's hidden "
                    + "feature maps for " + size + "×" + size + " images; use one of " + attentionResolutions(size)
                    + " (or leave it unset)");
        }
        return new Image((int) s.get(0), size);
    }
}
