package org.gan4j.api.engine;

/**
 * One DJL engine's implementation of gan4j's engine-specific operations; a {@link java.util.ServiceLoader}
 * service ({@code META-INF/services/org.gan4j.api.engine.GanEngine}) looked up by {@link #name()}.
 */
public interface GanEngine {

    /** The word of the config's {@code engine:} key: lower case, e.g. {@code mxnet}, {@code pytorch}. */
    String name();

    /** DJL's name of the engine ({@code Engine.getEngine(name)}), e.g. {@code MXNet}, {@code PyTorch}. */
    String djlEngineName();

    /** The Maven artifact holding the native library, named when it fails to load. */
    String nativeArtifact();

    TransposedConvolution transposedConvolution();

    GradientControl gradients();

    EngineSync sync();
}
