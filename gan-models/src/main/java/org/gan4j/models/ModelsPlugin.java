package org.gan4j.models;

import org.gan4j.api.model.Architecture;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the built-in architectures. */
public final class ModelsPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(Architecture.class, "mlp", MlpArchitecture.class,
                "fully connected G and D with configurable widths and activation");
    }
}
