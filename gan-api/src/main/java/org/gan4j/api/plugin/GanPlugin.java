package org.gan4j.api.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.Map;
import org.gan4j.api.train.TrainingListener;

/**
 * A plugin: a Guice module found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.gan4j.api.plugin.GanPlugin}) that registers named variants.
 *
 * <p>Subclasses implement {@link #registerVariants()} and call {@link #register} once per variant:
 *
 * <pre>{@code
 * public final class MyLossPlugin extends GanPlugin {
 *     protected void registerVariants() {
 *         register(AdversarialLoss.class, "my-loss", MyLoss.class, "what it computes, in one line");
 *     }
 * }
 * }</pre>
 *
 * A plugin that provides the default of a defaulted section (the optimizers) declares it with
 * {@link #registerDefault}. A plugin may also bind ordinary Guice bindings (for example always-on {@link TrainingListener}s
 * through {@link #addListener}).
 */
public abstract class GanPlugin extends AbstractModule {

    @Override
    protected final void configure() {
        // Declaring the sets makes them injectable even when no plugin contributes to them.
        Multibinder.newSetBinder(binder(), Variant.class);
        Multibinder.newSetBinder(binder(), TrainingListener.class);
        Multibinder.newSetBinder(binder(), SectionDefault.class);
        registerVariants();
    }

    /** Registers this plugin's variants with {@link #register} and its other bindings. */
    protected abstract void registerVariants();

    /**
     * Registers one named variant.
     *
     * @param kind the SPI interface ({@code AdversarialLoss.class}, {@code DataSource.class}, ...)
     * @param name the {@code type:} word in YAML
     * @param implementation the class the section binds to
     * @param description one line for {@code gan plugins}
     */
    protected final <T> void register(
            Class<T> kind, String name, Class<? extends T> implementation, String description) {
        Multibinder.newSetBinder(binder(), Variant.class)
                .addBinding()
                .toInstance(new Variant(kind, name, implementation, description));
    }

    /**
     * Declares the variant a config gets for every section of {@code kind} it leaves out, and the
     * settings it gets; one plugin at most may declare the default of a kind.
     *
     * @param kind the SPI interface of the defaulted section ({@code OptimizerSpec.class})
     * @param name the {@code type:} word of the default variant, registered by some plugin
     * @param settings the default's other keys as in YAML (snake_case), e.g. {@code Map.of("lr", 2e-4)}
     */
    protected final <T> void registerDefault(Class<T> kind, String name, Map<String, ?> settings) {
        Multibinder.newSetBinder(binder(), SectionDefault.class)
                .addBinding()
                .toInstance(new SectionDefault(kind, name, Map.copyOf(settings), getClass().getName()));
    }

    /** Adds a listener that takes part in every training run. */
    protected final void addListener(Class<? extends TrainingListener> listener) {
        Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding().to(listener);
    }
}
