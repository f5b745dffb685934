package org.gan4j.engine.mxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;
import org.gan4j.api.engine.GradientControl;

/**
 * MXNet overwrites every gradient on each backward (grad_req is hard-wired to "write" in DJL), so there
 * is nothing to zero; and MXNet 1.9.1 cannot differentiate the backward operators of D's layers (measured
 * in SecondOrderGradientTest), so it gives no input gradient inside the graph.
 */
final class MxnetGradients implements GradientControl {

    @Override
    public boolean secondDerivatives() {
        return false;
    }

    @Override
    public void zeroGradients(PairList<String, Parameter> parameters) {
        // overwritten by the next backward
    }

    @Override
    public NDArray inputGradient(NDArray samples, UnaryOperator<NDArray> discriminator,
            PairList<String, Parameter> discriminatorParameters) {
        throw new UnsupportedOperationException("the input gradient of D inside the graph needs second derivatives,"
                + " which the mxnet engine does not provide; set engine: pytorch");
    }
}
