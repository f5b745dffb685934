package org.gan4j.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.config.Validated;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;

/**
 * pix2pix (Isola et al., 2017) for image-conditional tasks: the condition (C', H, W) and the
 * target (C, H, W) share H and W.
 *
 * <p><b>Generator</b>: a U-Net on {@code NDList(z, condition)}. <em>z is accepted as the first
 * array and ignored</em>: as in pix2pix, the only noise is dropout. Encoder: {@code depth} 4×4
 * stride-2 convs of widths filters·2^i (capped at max_filters), BatchNorm on all but the first,
 * LeakyReLU(0.2). Decoder: 4×4 stride-2 transposed convs + BatchNorm + ReLU, dropout in the
 * innermost {@code dropout_layers} blocks (active only in training forwards, i.e. inside a gradient
 * collector), each block's output concatenated with the encoder output of the same resolution; the
 * last transposed conv maps to C channels, then tanh. With {@code residual} the output is the
 * condition's first C channels plus that tanh, so it lies in [−2, 2], not [−1, 1].
 *
 * <p><b>Discriminator</b>: a PatchGAN on {@code NDList(x, condition)}, concatenated along the
 * channels: {@code d_layers} 4×4 stride-2 convs of widths d_filters·2^i (capped at d_max_filters),
 * one 4×4 stride-1 conv of the next width, then a 4×4 stride-1 conv to one channel; all with padding
 * 1, BatchNorm on all but the first, LeakyReLU(0.2). This is pix2pix's {@code n_layers_D}
 * discriminator: d_layers = 3 is the 70×70 PatchGAN (receptive fields: 1 → 16, 2 → 34, 3 → 70,
 * 4 → 142 pixels). Output: one logit per patch, (batch, P); e.g. P = 2×2 at 32 px and 6×6 at 64 px
 * for d_layers = 3, P = 6×6 at 32 px for d_layers = 2. No biases except on D's first and last conv
 * (the layers without BatchNorm); conv weights drawn from N(0, init_std²).
 */
public final class Pix2PixArchitecture implements Architecture, Validated {

    @JsonPropertyDescription("down-sampling levels of the U-Net; H and W must be divisible by 2^depth")
    private int depth = 3;

    @JsonPropertyDescription("channels of G's first level; each deeper level doubles them up to max_filters")
    private int filters = 32;

    @JsonPropertyDescription("cap on the channels of G's levels")
    private int maxFilters = 256;

    @JsonPropertyDescription("dropout rate in G's innermost up-blocks (pix2pix's only noise source; 0 turns it "
            + "off); active in training only")
    private double dropout = 0.5;

    @JsonPropertyDescription("how many up-blocks, counted from the innermost, have dropout (at most depth - 1 "
            + "exist)")
    private int dropoutLayers = 2;

    @JsonPropertyDescription("G outputs the condition's first C channels plus tanh(...): learns a correction "
            + "(needs a condition with at least as many channels as the target; output range [-2, 2])")
    private boolean residual = false;

    @JsonProperty("d_layers")
    @JsonPropertyDescription("stride-2 convs of the PatchGAN D (pix2pix's n_layers_D; 3 = 70x70 patches)")
    private int dLayers = 3;

    @JsonProperty("d_filters")
    @JsonPropertyDescription("channels of D's first conv; each further conv doubles them up to d_max_filters")
    private int dFilters = 64;

    @JsonProperty("d_max_filters")
    @JsonPropertyDescription("cap on the channels of D's convs")
    private int dMaxFilters = 512;

    @JsonPropertyDescription("standard deviation of the N(0, σ²) initialisation of every conv weight")
    private double initStd = 0.02;

    @JsonProperty("d_norm")
    @JsonPropertyDescription("normalisation after D's hidden layers: batch, layer (per sample, e.g. for WGAN-GP's "
            + "critic) or none; unset: batch (on all but the first conv)")
    private NormKind dNorm;

    public int getDepth() {
        return depth;
    }

    public void setDepth(int depth) {
        if (depth < 1 || depth > 8) {
            throw new IllegalArgumentException("must be an integer in [1, 8], got " + depth);
        }
        this.depth = depth;
    }

    public int getFilters() {
        return filters;
    }

    public void setFilters(int filters) {
        this.filters = ConfigChecks.positive(filters);
    }

    public int getMaxFilters() {
        return maxFilters;
    }

    public void setMaxFilters(int maxFilters) {
        this.maxFilters = ConfigChecks.positive(maxFilters);
    }

    public double getDropout() {
        return dropout;
    }

    public void setDropout(double dropout) {
        this.dropout = ConfigChecks.inRange(dropout, 0, 1, true);
    }

    public int getDropoutLayers() {
        return dropoutLayers;
    }

    public void setDropoutLayers(int dropoutLayers) {
        this.dropoutLayers = ConfigChecks.nonNegative(dropoutLayers);
    }

    public boolean isResidual() {
        return residual;
    }

    public void setResidual(boolean residual) {
        this.residual = residual;
    }

    @JsonProperty("d_layers")
    public int getDLayers() {
        return dLayers;
    }

    @JsonProperty("d_layers")
    public void setDLayers(int dLayers) {
        if (dLayers < 1 || dLayers > 8) {
            throw new IllegalArgumentException("must be an integer in [1, 8], got " + dLayers);
        }
        this.dLayers = dLayers;
    }

    @JsonProperty("d_filters")
    public int getDFilters() {
        return dFilters;
    }

    @JsonProperty("d_filters")
    public void setDFilters(int dFilters) {
        this.dFilters = ConfigChecks.positive(dFilters);
    }

    @JsonProperty("d_max_filters")
    public int getDMaxFilters() {
        return dMaxFilters;
    }

    @JsonProperty("d_max_filters")
    public void setDMaxFilters(int dMaxFilters) {
        this.dMaxFilters = ConfigChecks.positive(dMaxFilters);
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

    @Override
    public void validate() {
        if (maxFilters < filters) {
            throw new IllegalArgumentException("max_filters (" + maxFilters + ") must be at least filters ("
                    + filters + ")");
        }
        if (dMaxFilters < dFilters) {
            throw new IllegalArgumentException("d_max_filters (" + dMaxFilters + ") must be at least d_filters ("
                    + dFilters + ")");
        }
    }

    /** The U-Net on {@code NDList(z, condition)}; z is ignored. */
    @Override
    public Block generator(ModelSpec spec) {
        validate();
        Images images = check(spec);
        int unit = 1 << depth;
        if (images.height() % unit != 0 || images.width() % unit != 0) {
            int possible = Math.min(Integer.numberOfTrailingZeros(images.height()),
                    Integer.numberOfTrailingZeros(images.width()));
            throw new IllegalArgumentException("pix2pix's U-Net with depth " + depth + " needs H and W divisible by 2^"
                    + depth + " = " + unit + ", but the images are " + images.height() + "×" + images.width()
                    + " (target " + spec.sampleShape() + ", condition " + spec.conditionShape() + "); "
                    + (possible > 0 ? "use depth ≤ " + possible + " or " : "")
                    + "resize to a multiple of " + unit + " such as " + roundUp(images.height(), unit) + "×"
                    + roundUp(images.width(), unit));
        }
        if (residual && images.conditionChannels() < images.channels()) {
            throw new IllegalArgumentException("pix2pix's residual generator adds its output to the condition's first "
                    + images.channels() + " channels, but the condition has " + images.conditionChannels()
                    + " (shape " + spec.conditionShape() + "); set residual: false");
        }
        int[] widths = new int[depth];
        for (int i = 0; i < depth; i++) {
            widths[i] = width(filters, maxFilters, i);
        }
        UNet g = new UNet(widths, images.channels(), (float) dropout, dropoutLayers, residual);
        g.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
        if (residual) { // start as the identity on the condition (e.g. exactly the bicubic baseline), then learn the correction
            g.outputLayer().setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        }
        return g;
    }

    /** The PatchGAN on {@code NDList(x, condition)}, one logit per patch: (batch, P). */
    @Override
    public Block discriminator(ModelSpec spec) {
        validate();
        Images images = check(spec);
        long side = Math.min(patchSide(images.height(), dLayers), patchSide(images.width(), dLayers));
        if (side < 1) {
            int fits = dLayers - 1;
            while (fits >= 1 && Math.min(patchSide(images.height(), fits), patchSide(images.width(), fits)) < 1) {
                fits--;
            }
            throw new IllegalArgumentException("pix2pix's PatchGAN with d_layers " + dLayers + " shrinks "
                    + images.height() + "×" + images.width() + " images to nothing (each of the d_layers stride-2 "
                    + "convs halves the size, the last two convs take 1 pixel each); "
                    + (fits >= 1 ? "use d_layers ≤ " + fits : "use images of at least 6×6"));
        }
        SequentialBlock d = new SequentialBlock();
        d.add(new LambdaBlock(x -> {
            if (x.size() != 2) {
                throw new IllegalArgumentException(
                        "pix2pix's discriminator takes NDList(x, condition), got " + x.size() + " array(s)");
            }
            return new NDList(x.get(0).concat(x.get(1), 1));
        }, "concat-condition"));
        for (int i = 0; i <= dLayers + 1; i++) {
            boolean last = i == dLayers + 1;
            boolean first = i == 0;
            int stride = i < dLayers ? 2 : 1;
            d.add(Conv2d.builder()
                    .setFilters(last ? 1 : width(dFilters, dMaxFilters, i))
                    .setKernelShape(new Shape(4, 4))
                    .optStride(new Shape(stride, stride))
                    .optPadding(new Shape(1, 1))
                    .optBias(first || last)
                    .build());
            if (!last) {
                Block norm = first ? null : discriminatorNorm().block();
                if (norm != null) {
                    d.add(norm);
                }
                d.add(Activation.leakyReluBlock(0.2f));
            }
        }
        d.add(new LambdaBlock(x -> new NDList(x.head().reshape(x.head().getShape().get(0), -1)), "to-patch-logits"));
        d.setInitializer(new NormalInitializer((float) initStd), Parameter.Type.WEIGHT);
        return d;
    }

    /** Side of D's patch grid for a square input of side {@code size}; < 1 when the stack does not fit. */
    static long patchSide(long size, int dLayers) {
        long s = size;
        for (int i = 0; i < dLayers + 2 && s >= 1; i++) {
            s = Math.floorDiv(s - 2, i < dLayers ? 2 : 1) + 1;
        }
        return s;
    }

    /**
     * The U-Net's (4×4 convolutions down, transposed convolutions up on decoder + skip channels) and the
     * PatchGAN's kernels, biases and batch-norm parameters, as {@link #generator} and {@link #discriminator}
     * build them.
     */
    @Override
    public java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        validate();
        Images images = check(spec);
        double[] w = new double[depth];
        for (int i = 0; i < depth; i++) {
            w[i] = width(filters, maxFilters, i);
        }
        double count = 0;
        double in = images.conditionChannels();
        for (int i = 0; i < depth; i++) {
            count += in * w[i] * 16 + (i > 0 ? 4 * w[i] : 0);
            in = w[i];
        }
        for (int k = depth - 1; k >= 1; k--) {
            double up = w[k - 1] == 1 ? 2 : w[k - 1];
            count += (k == depth - 1 ? w[k] : 2 * w[k]) * up * 16 + 4 * w[k - 1];
        }
        double outFilters = images.channels() == 1 ? 2 : images.channels();
        count += (depth == 1 ? w[0] : 2 * w[0]) * outFilters * 16;
        in = images.channels() + images.conditionChannels();
        for (int i = 0; i <= dLayers + 1; i++) {
            boolean first = i == 0;
            boolean last = i == dLayers + 1;
            double f = last ? 1 : width(dFilters, dMaxFilters, i);
            count += in * f * 16 + (first || last ? f : 0)
                    + (!first && !last ? (double) discriminatorNorm().parametersPerChannel() * f : 0);
            in = f;
        }
        return java.util.OptionalDouble.of(count);
    }

    private static int width(int base, int cap, int level) {
        return (int) Math.min((long) base << Math.min(level, 31), cap);
    }

    private static long roundUp(long value, int unit) {
        return Math.max(unit, (value + unit - 1) / unit * unit);
    }

    /** The target (C, H, W) and the condition's channels C'. */
    private record Images(int channels, int conditionChannels, int height, int width) {}

    private static Images check(ModelSpec spec) {
        Shape c = spec.conditionShape();
        if (c == null) {
            throw new IllegalArgumentException("pix2pix needs an image condition: add a task: section that "
                    + "conditions on an image"
                    + (spec.numClasses() > 0 ? " (class labels are not an image; for generation conditioned on "
                    + "class labels use the mlp or dcgan architecture)" : ""));
        }
        Shape s = spec.sampleShape();
        if (s.dimension() != 3 || c.dimension() != 3) {
            throw new IllegalArgumentException("pix2pix needs images (C, H, W) as target and condition, got target "
                    + s + " and condition " + c);
        }
        if (s.get(1) != c.get(1) || s.get(2) != c.get(2)) {
            throw new IllegalArgumentException("pix2pix needs the condition at the target's resolution, got target "
                    + s + " and condition " + c + " (a task whose input is smaller must upscale it first)");
        }
        return new Images((int) s.get(0), (int) c.get(0), (int) s.get(1), (int) s.get(2));
    }
}
