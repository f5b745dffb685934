package org.gan4j.engine.mxnet;

import java.util.Map;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.plugin.GanPlugin;

/**
 * Lists the MXNet engine ({@code engine: mxnet}) and declares it the engine of a config without {@code engine:};
 * the core names no engine.
 */
public final class MxnetEnginePlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(GanEngine.class, "mxnet", MxnetEngine.class,
                "DJL's MXNet engine (MXNet 1.9.1, MKL): the default; no second derivatives");
        registerDefault(GanEngine.class, "mxnet", Map.of());
    }
}
