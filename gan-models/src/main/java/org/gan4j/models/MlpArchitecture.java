package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;

/**
 * Fully connected G and D: G z -> hidden... -> sample (linear output), D sample -> hidden... -> 1 logit.
 *
 * <p>Class-conditional (Mirza & Osindero 2014) when the spec has K = numClasses > 0: G takes
 * {@code NDList(z, labels)} and D {@code NDList(x, labels)}, labels being float class ids (batch);
 * G's first layer sees concat(z, oneHot(label, K)), D's concat(flatten(x), oneHot(label, K)).
 */
public final class MlpArchitecture implements Architecture {

    @JsonPropertyDescription("hidden layer widths of both networks")
    private List<Integer> hidden = List.of(128, 128);

    @JsonPropertyDescription("hidden widths of G only (overrides hidden)")
    private List<Integer> generatorHidden;

    @JsonPropertyDescription("hidden widths of D only (overrides hidden)")
    private List<Integer> discriminatorHidden;

    @JsonPropertyDescription("hidden activation: relu, leaky_relu (slope 0.2), tanh, elu, sigmoid, maxout")
    private ActivationKind activation = ActivationKind.RELU;

    @JsonPropertyDescription("hidden activation of G only (overrides activation)")
    private ActivationKind generatorActivation;

    @JsonPropertyDescription("hidden activation of D only (overrides activation)")
    private ActivationKind discriminatorActivation;

    @JsonPropertyDescription("pieces of a maxout unit: a hidden layer of width w computes w × pieces linear units")
    private int maxoutPieces = 5;

    @JsonPropertyDescription("batch normalisation after each hidden layer of G")
    private boolean generatorBatchNorm = false;

    @JsonPropertyDescription("squash G's output with tanh (for data scaled to [-1, 1])")
    private boolean tanhOutput = false;

    public List<Integer> getHidden() {
        return hidden;
    }

    public void setHidden(List<Integer> hidden) {
        this.hidden = ConfigChecks.positiveSizes(hidden, true);
    }

    public List<Integer> getGeneratorHidden() {
        return generatorHidden;
    }

    public void setGeneratorHidden(List<Integer> sizes) {
        this.generatorHidden = ConfigChecks.positiveSizes(sizes, true);
    }

    public List<Integer> getDiscriminatorHidden() {
        return discriminatorHidden;
    }

    public void setDiscriminatorHidden(List<Integer> sizes) {
        this.discriminatorHidden = ConfigChecks.positiveSizes(sizes, true);
    }

    public ActivationKind getActivation() {
        return activation;
    }

    public void setActivation(ActivationKind activation) {
        this.activation = activation;
    }

    public ActivationKind getGeneratorActivation() {
        return generatorActivation;
    }

    public void setGeneratorActivation(ActivationKind generatorActivation) {
        this.generatorActivation = generatorActivation;
    }

    public ActivationKind getDiscriminatorActivation() {
        return discriminatorActivation;
    }

    public void setDiscriminatorActivation(ActivationKind discriminatorActivation) {
        this.discriminatorActivation = discriminatorActivation;
    }

    public int getMaxoutPieces() {
        return maxoutPieces;
    }

    public void setMaxoutPieces(int maxoutPieces) {
        this.maxoutPieces = ConfigChecks.positive(maxoutPieces);
    }

    public boolean isGeneratorBatchNorm() {
        return generatorBatchNorm;
    }

    public void setGeneratorBatchNorm(boolean generatorBatchNorm) {
        this.generatorBatchNorm = generatorBatchNorm;
    }

    public boolean isTanhOutput() {
        return tanhOutput;
    }

    public void setTanhOutput(boolean tanhOutput) {
        this.tanhOutput = tanhOutput;
    }

    @Override
    public Block generator(ModelSpec spec) {
        int classes = ClassConditioning.classes(spec, "mlp");
        SequentialBlock g = new SequentialBlock();
        if (classes > 0) {
            g.add(new LambdaBlock(x -> new NDList(ClassConditioning.appendOneHot(
                    ClassConditioning.requirePair(x, "mlp generator").get(0), x.get(1), classes)), "z-with-one-hot"));
        }
        ActivationKind act = generatorActivation != null ? generatorActivation : activation;
        for (int width : generatorHidden != null ? generatorHidden : hidden) {
            g.add(Linear.builder().setUnits((long) width * act.unitsPerOutput(maxoutPieces)).build());
            if (generatorBatchNorm) {
                g.add(BatchNorm.builder().build());
            }
            g.add(act.block(maxoutPieces));
        }
        g.add(Linear.builder().setUnits(spec.sampleSize()).build());
        if (tanhOutput) {
            g.add(ActivationKind.TANH.block());
        }
        Shape sampleShape = spec.sampleShape();
        g.add(new LambdaBlock(x -> reshapeToSamples(x, sampleShape), "to-sample-shape"));
        return g;
    }

    @Override
    public Block discriminator(ModelSpec spec) {
        int classes = ClassConditioning.classes(spec, "mlp");
        SequentialBlock d = new SequentialBlock();
        if (classes > 0) {
            d.add(new LambdaBlock(x -> {
                NDArray flat = ClassConditioning.requirePair(x, "mlp discriminator").get(0);
                flat = flat.reshape(flat.getShape().get(0), -1);
                return new NDList(ClassConditioning.appendOneHot(flat, x.get(1), classes));
            }, "flatten-with-one-hot"));
        } else {
            d.add(new LambdaBlock(x -> new NDList(flatten(x.head())), "flatten"));
        }
        ActivationKind act = discriminatorActivation != null ? discriminatorActivation : activation;
        for (int width : discriminatorHidden != null ? discriminatorHidden : hidden) {
            d.add(Linear.builder().setUnits((long) width * act.unitsPerOutput(maxoutPieces)).build());
            d.add(act.block(maxoutPieces));
        }
        d.add(Linear.builder().setUnits(1).build());
        return d;
    }

    /** Weights and biases of the dense layers (and G's batch-norm scales, shifts and statistics). */
    @Override
    public java.util.OptionalDouble estimateParameters(ModelSpec spec) {
        int classes = ClassConditioning.classes(spec, "mlp");
        ActivationKind gAct = generatorActivation != null ? generatorActivation : activation;
        ActivationKind dAct = discriminatorActivation != null ? discriminatorActivation : activation;
        double g = dense(spec.latentDim() + classes, generatorHidden != null ? generatorHidden : hidden,
                gAct.unitsPerOutput(maxoutPieces), generatorBatchNorm, spec.sampleShape().size());
        double d = dense(spec.sampleShape().size() + classes, discriminatorHidden != null ? discriminatorHidden : hidden,
                dAct.unitsPerOutput(maxoutPieces), false, 1);
        return java.util.OptionalDouble.of(g + d);
    }

    private static double dense(double inputs, List<Integer> widths, int unitsPerOutput, boolean batchNorm, double outputs) {
        double count = 0;
        double in = inputs;
        for (int width : widths) {
            double units = (double) width * unitsPerOutput;
            count += in * units + units + (batchNorm ? 4 * units : 0);
            in = width;
        }
        return count + in * outputs + outputs;
    }

    /*
     * The reshapes below are skipped when the array has the shape already (2-D samples): a reshape is an
     * engine operator of its own, with its backward, and the MLP's iteration is bound by per-operator cost.
     */

    private static NDList reshapeToSamples(NDList x, Shape sampleShape) {
        NDArray flat = x.head();
        Shape target = new Shape(flat.getShape().get(0)).addAll(sampleShape);
        return new NDList(flat.getShape().equals(target) ? flat : flat.reshape(target));
    }

    /** (n, ...) as (n, features). */
    private static NDArray flatten(NDArray x) {
        return x.getShape().dimension() == 2 ? x : x.reshape(x.getShape().get(0), -1);
    }
}
