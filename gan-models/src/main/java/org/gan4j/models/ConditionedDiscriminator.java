package org.gan4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A class-conditional discriminator built from an unconditional trunk φ (x → F features) and a linear output ψ.
 * Takes NDList(x, labels), labels float class ids (batch).
 * <ul>
 *   <li>{@code projection} (Miyato and Koyama 2018): D(x, y) = ψ(φ(x)) + embed(y)·φ(x), embed a K × F table
 *       (a WEIGHT, initialised as the architecture's weights); returns NDList(logit).
 *   <li>{@code auxiliary_classifier} (Odena et al. 2017): D(x) = ψ(φ(x)) judges x without y, and a second linear
 *       head c(x) = W_c φ(x) + b_c gives K class logits; returns NDList(logit, class logits) for
 *       {@link AuxiliaryClassifierTerm}.
 * </ul>
 */
final class ConditionedDiscriminator extends AbstractBlock {
    private final DiscriminatorConditioning mode;
    private final int classes;
    private final int features;
    private final Block trunk;
    private final Block psi;
    private final Block classHead;
    private final Parameter embedding;

    /** With plain (not spectrally normalised) ψ and class head. */
    ConditionedDiscriminator(DiscriminatorConditioning mode, int classes, int features, Block trunk,
            boolean outputBias) {
        this(mode, classes, features, trunk, outputBias, Layers.discriminator(SpectralNormTarget.NONE));
    }

    /**
     * @param trunk φ: NDList(x) → (batch, features)
     * @param outputBias whether ψ has a bias
     * @param layers D's layer factory: ψ and the class head are spectrally normalised with the trunk's layers
     *     (the projection's class embedding is not)
     */
    ConditionedDiscriminator(DiscriminatorConditioning mode, int classes, int features, Block trunk,
            boolean outputBias, Layers layers) {
        if (mode == DiscriminatorConditioning.CONCAT) {
            throw new IllegalArgumentException("concat conditioning joins the labels to the input; no head needed");
        }
        this.mode = mode;
        this.classes = classes;
        this.features = features;
        this.trunk = addChildBlock("phi", trunk);
        this.psi = addChildBlock("psi", layers.dense(1, outputBias));
        if (mode == DiscriminatorConditioning.PROJECTION) {
            this.embedding = addParameter(Parameter.builder().setName("class_embedding")
                    .setType(Parameter.Type.WEIGHT).build());
            this.classHead = null;
        } else {
            this.embedding = null;
            this.classHead = addChildBlock("class_head", layers.dense(classes, true));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList pair = ClassConditioning.requirePair(inputs, "conditioned discriminator");
        NDArray phi = trunk.forward(store, new NDList(pair.get(0)), training, params).head();
        NDArray logit = psi.forward(store, new NDList(phi), training, params).head();
        if (mode == DiscriminatorConditioning.PROJECTION) {
            NDArray embedded = ClassConditioning.oneHot(pair.get(1), classes)
                    .matMul(store.getValue(embedding, phi.getDevice(), training));
            return new NDList(logit.add(embedded.mul(phi).sum(new int[] {1}, true)));
        }
        return new NDList(logit, classHead.forward(store, new NDList(phi), training, params).head());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        if (embedding != null) {
            embedding.setShape(new Shape(classes, features));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return mode == DiscriminatorConditioning.PROJECTION ? new Shape[] {new Shape(batch, 1)}
                : new Shape[] {new Shape(batch, 1), new Shape(batch, classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        trunk.initialize(manager, dataType, inputShapes[0]);
        Shape phi = new Shape(inputShapes[0].get(0), features);
        psi.initialize(manager, dataType, phi);
        if (classHead != null) {
            classHead.initialize(manager, dataType, phi);
        }
    }

    /** Parameters this head adds to the trunk's: ψ, and the embedding or the class head. */
    static double headParameters(DiscriminatorConditioning mode, int classes, int features, boolean outputBias) {
        double psi = features + (outputBias ? 1 : 0);
        return psi + (mode == DiscriminatorConditioning.PROJECTION ? (double) classes * features
                : (double) classes * features + classes);
    }
}
