package org.gan4j.engine.pytorch;

import org.gan4j.api.engine.EngineSync;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GradientControl;
import org.gan4j.api.engine.TransposedConvolution;

/** gan4j on DJL's PyTorch engine (libtorch 2.7.1, CPU): second derivatives, accumulated gradients. */
public final class PytorchEngine implements GanEngine {
    private final TransposedConvolution deconvolution = new PytorchDeconvolution();
    private final GradientControl gradients = new PytorchGradients();
    private final EngineSync sync = new PytorchSync();

    @Override
    public String name() {
        return "pytorch";
    }

    @Override
    public String djlEngineName() {
        return "PyTorch";
    }

    @Override
    public String nativeArtifact() {
        return "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 with ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0";
    }

    @Override
    public TransposedConvolution transposedConvolution() {
        return deconvolution;
    }

    @Override
    public GradientControl gradients() {
        return gradients;
    }

    @Override
    public EngineSync sync() {
        return sync;
    }
}
