package org.gan4j.engine.pytorch;

import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.plugin.GanPlugin;

/** Lists the PyTorch engine ({@code engine: pytorch}) among the registered variants. */
public final class PytorchEnginePlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(GanEngine.class, "pytorch", PytorchEngine.class,
                "DJL's PyTorch engine (libtorch 2.7.1, CPU): second derivatives, for input-gradient penalties");
    }
}
