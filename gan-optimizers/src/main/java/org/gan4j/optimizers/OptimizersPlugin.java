package org.gan4j.optimizers;

import java.util.Map;
import org.gan4j.api.optim.OptimizerSpec;
import org.gan4j.api.plugin.GanPlugin;

/** Registers the built-in optimizers, like any other plugin, and Adam with DCGAN's settings as the default optimizer. */
public final class OptimizersPlugin extends GanPlugin {
    @Override
    protected void registerVariants() {
        register(OptimizerSpec.class, "adam", AdamSpec.class, "Adam; defaults are DCGAN's lr 2e-4, beta1 0.5");
        register(OptimizerSpec.class, "sgd", SgdSpec.class, "SGD with momentum, as in Goodfellow et al. 2014");
        register(OptimizerSpec.class, "rmsprop", RmsPropSpec.class,
                "RMSprop (Tieleman and Hinton); defaults are PyTorch's: lr 0.01, alpha 0.99, epsilon 1e-8");
        registerDefault(OptimizerSpec.class, "adam", Map.of("lr", 2e-4, "beta1", 0.5));
    }
}
