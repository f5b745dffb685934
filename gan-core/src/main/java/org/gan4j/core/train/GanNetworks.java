package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.model.ModelSpec;

/** G and D with their parameters, initialised for a model spec, in a manager of their own. */
public final class GanNetworks implements AutoCloseable {
    private final NDManager manager;
    private final Block generator;
    private final Block discriminator;
    private final ParameterStore store;
    private final ModelSpec spec;

    private GanNetworks(NDManager manager, Block generator, Block discriminator, ModelSpec spec) {
        this.manager = manager;
        this.generator = generator;
        this.discriminator = discriminator;
        this.spec = spec;
        this.store = new ParameterStore(manager, false);
    }

    /** Builds and initialises both networks; parameters live in a sub-manager of {@code parent}. */
    public static GanNetworks create(Architecture architecture, ModelSpec spec, NDManager parent) {
        NDManager manager = parent.newSubManager();
        try {
            Block g = architecture.generator(spec);
            Block d = architecture.discriminator(spec);
            g.initialize(manager, DataType.FLOAT32, new Shape(1, spec.latentDim()));
            d.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(spec.sampleShape()));
            return new GanNetworks(manager, g, d, spec);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** G(z); {@code training} must be true exactly when a gradient collector is open. */
    public NDArray generate(NDArray z, boolean training) {
        return generator.forward(store, new NDList(z), training).head();
    }

    /** D's logits for {@code x}, shape (n, 1). */
    public NDArray discriminate(NDArray x, boolean training) {
        return discriminator.forward(store, new NDList(x), training).head();
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
