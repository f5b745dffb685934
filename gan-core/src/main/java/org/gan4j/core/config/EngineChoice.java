package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GanEngines;
import org.gan4j.api.regularizer.Regularizer;

/**
 * Checks {@code engine:} at load time, before any native library loads: the name is one of the engine
 * modules on the class path, and every regularizer that needs ∇ₓD has an engine with second derivatives.
 */
final class EngineChoice {
    private EngineChoice() {}

    static void check(ExperimentConfig config, SourceMap sources) {
        List<String> names = GanEngines.names();
        String name = config.getEngine();
        if (name == null) {
            throw new ConfigException(sources.fileLabel(), "engine", "missing; no engine module declares a default,"
                    + " set engine: one of " + names);
        }
        if (!names.contains(name)) {
            throw new ConfigException(sources.locate(JsonPointer.compile("/engine")), "engine",
                    "unknown engine '" + name + "'; accepted: " + names);
        }
        GanEngine engine = GanEngines.byName(name);
        if (engine.gradients().secondDerivatives()) {
            return;
        }
        for (int i = 0; i < config.getRegularizers().size(); i++) {
            Regularizer r = config.getRegularizers().get(i);
            if (r.needsInputGradient()) {
                throw new ConfigException(sources.locate(JsonPointer.compile("/regularizers/" + i)),
                        "regularizers[" + i + "]", "regularizer '" + r.name() + "' needs the input gradient of D"
                        + " (second derivatives), which the " + name + " engine does not provide; set engine: pytorch");
            }
        }
    }
}
