package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;
import org.gan4j.api.model.PhaseAware;
import org.gan4j.api.model.TrainingPhase;

/** G and D with their parameters, initialised for a model spec, in a manager of their own. */
public final class GanNetworks implements AutoCloseable {
    private final NDManager manager;
    private final Block generator;
    private final Block discriminator;
    private final ParameterStore store;
    private final ModelSpec spec;
    private final List<PhaseAware> phaseAware = new ArrayList<>();
    private final List<StatefulPart> statefulParts = new ArrayList<>();

    private GanNetworks(NDManager manager, Block generator, Block discriminator, ModelSpec spec) {
        this.manager = manager;
        this.generator = generator;
        this.discriminator = discriminator;
        this.spec = spec;
        this.store = new ParameterStore(manager, false);
        collect(generator);
        collect(discriminator);
    }

    /** Finds the blocks that need the trainer's phase or keep state for checkpoints (spectral norm's vectors). */
    private void collect(Block block) {
        if (block instanceof PhaseAware aware) {
            phaseAware.add(aware);
        }
        if (block instanceof StatefulPart part) {
            statefulParts.add(part);
        }
        for (Block child : block.getChildren().values()) {
            collect(child);
        }
    }

    /** Tells every {@link PhaseAware} block of G and D which step the next forwards belong to. */
    public void enterPhase(TrainingPhase phase) {
        for (PhaseAware aware : phaseAware) {
            aware.enterPhase(phase);
        }
    }

    /** The blocks of G then D whose state a checkpoint must hold, in block order; empty for most models. */
    public List<StatefulPart> statefulParts() {
        return List.copyOf(statefulParts);
    }

    /** Builds and initialises both networks; parameters live in a sub-manager of {@code parent}. */
    public static GanNetworks create(Architecture architecture, ModelSpec spec, NDManager parent) {
        NDManager manager = parent.newSubManager();
        try {
            Block g = architecture.generator(spec);
            Block d = architecture.discriminator(spec);
            Shape z = new Shape(1, spec.latentDim());
            Shape x = new Shape(1).addAll(spec.discriminatorInputShape()); // one pack of m samples when packed
            Shape condition = conditionShape(spec);
            if (condition == null) {
                g.initialize(manager, DataType.FLOAT32, z);
                d.initialize(manager, DataType.FLOAT32, x);
            } else {
                g.initialize(manager, DataType.FLOAT32, z, condition);
                d.initialize(manager, DataType.FLOAT32, x, condition);
            }
            return new GanNetworks(manager, g, d, spec);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The condition's shape with a batch of one (class ids: (1)), or null for an unconditional model. */
    private static Shape conditionShape(ModelSpec spec) {
        if (spec.conditionShape() != null) {
            return new Shape(1).addAll(spec.conditionShape());
        }
        return spec.numClasses() > 0 ? new Shape(1) : null;
    }

    /** G(z); {@code training} must be true exactly when a gradient collector is open. */
    public NDArray generate(NDArray z, boolean training) {
        return generate(z, null, training);
    }

    /** G(z | condition); a null condition means an unconditional model. */
    public NDArray generate(NDArray z, NDArray condition, boolean training) {
        return generator.forward(store, inputs(z, condition), training).head();
    }

    /** D's logits for {@code x}, shape (n, 1), or (n, P) for a patch discriminator; (n/m, 1) packed by m. */
    public NDArray discriminate(NDArray x, boolean training) {
        return discriminate(x, null, training);
    }

    /** D's logits for {@code x} judged with {@code condition} (null: unconditional). */
    public NDArray discriminate(NDArray x, NDArray condition, boolean training) {
        return discriminateAll(x, condition, training).head();
    }

    /**
     * Everything D returns for {@code x}: the logits first, then any auxiliary outputs of its architecture. With
     * packing m ({@link ModelSpec#packing()}) the n samples of {@code x} are judged as n/m packs
     * ({@link SamplePacking}): every call of D in training passes here, so real and generated batches are packed
     * alike and never with each other.
     */
    public NDList discriminateAll(NDArray x, NDArray condition, boolean training) {
        return discriminator.forward(store, inputs(SamplePacking.pack(x, spec.packing()), condition), training);
    }

    private static NDList inputs(NDArray first, NDArray condition) {
        return condition == null ? new NDList(first) : new NDList(first, condition);
    }

    public Block generator() {
        return generator;
    }

    public Block discriminator() {
        return discriminator;
    }

    public ModelSpec spec() {
        return spec;
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
