package org.gan4j.engine.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;
import org.gan4j.api.engine.GradientControl;

/**
 * libtorch accumulates gradients across backwards and DJL's collector does not clear them, so each step
 * clears them here ({@code zeroGrad}, which also drops a NaN). The input gradient comes from a backward
 * with {@code create_graph=true}, which DJL's collector does not expose but its JNI layer does.
 */
final class PytorchGradients implements GradientControl {

    @Override
    public boolean secondDerivatives() {
        return true;
    }

    @Override
    public void zeroGradients(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                JniUtils.zeroGrad((PtNDArray) parameter.getArray());
            }
        }
    }

    /**
     * ∇ₓ Σᵢ D(xᵢ): per sample ∇ₓD(xᵢ) when D treats samples independently (no BatchNorm). The backward
     * keeps and records its graph (create_graph), so the result is differentiable with respect to D's
     * weights. It also accumulates dD/dθ into D's parameter gradients, which are cleared (zeroGrad) before
     * the step's own backward. x's gradient slot is left alone: libtorch's zeroGrad zeroes in place, which
     * would zero the returned gradient too; x and its gradient are closed with the step's manager.
     */
    @Override
    public NDArray inputGradient(NDArray samples, UnaryOperator<NDArray> discriminator,
            PairList<String, Parameter> discriminatorParameters) {
        NDArray x = samples.stopGradient(); // a leaf: the gradient is taken with respect to the image alone
        x.setRequiresGradient(true);
        NDArray total = discriminator.apply(x).sum();
        NDArray ones = total.onesLike();
        JniUtils.backward((PtNDArray) total, (PtNDArray) ones, true, true);
        NDArray gradient = x.getGradient();
        zeroGradients(discriminatorParameters);
        return gradient;
    }
}
