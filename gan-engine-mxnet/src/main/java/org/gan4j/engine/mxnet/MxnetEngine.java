package org.gan4j.engine.mxnet;

import org.gan4j.api.engine.EngineSync;
import org.gan4j.api.engine.GanEngine;
import org.gan4j.api.engine.GradientControl;
import org.gan4j.api.engine.TransposedConvolution;

/** gan4j on DJL's MXNet engine (MXNet 1.9.1, MKL build): the default engine. */
public final class MxnetEngine implements GanEngine {
    private final TransposedConvolution deconvolution = new MxnetDeconvolution();
    private final GradientControl gradients = new MxnetGradients();
    private final EngineSync sync = new MxnetSync();

    @Override
    public String name() {
        return "mxnet";
    }

    @Override
    public String djlEngineName() {
        return "MXNet";
    }

    @Override
    public String nativeArtifact() {
        return "ai.djl.mxnet:mxnet-native-mkl:1.9.1:linux-x86_64";
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
