package org.gan4j.engine.pytorch;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.gan4j.api.engine.GradientControl;

/**
 * libtorch accumulates gradients across backwards and DJL's collector does not clear them, so each step
 * clears them here ({@code zeroGrad}, which also drops a NaN).
 *
 * <p>The input gradient is taken with {@code torch.autograd.grad(create_graph=True)}, which returns ∇ₓ
 * without writing any {@code .grad}. DJL 0.36 does not expose autograd.grad, so it runs through a tiny
 * TorchScript function ({@code input_gradient.pt}, made by {@code src/main/python/make_input_gradient.py}).
 * The earlier route, {@code Tensor.backward(create_graph=true)} on a leaf x, stored ∇ₓ as x's {@code .grad};
 * that gradient's graph reaches back to x (the forward saved it), so x, its {@code .grad} and the graph formed
 * a reference cycle that libtorch, having no cycle collector, never frees; closing the Java handles freed
 * nothing, and every penalty step kept its whole graph (~10 MB per generator step on the ring MLP).
 * That backward also accumulated dD/dθ into D's parameters, which then had to be zeroed; autograd.grad
 * leaves them alone.
 */
final class PytorchGradients implements GradientControl {
    private static final String SCRIPT = "input_gradient.pt";
    private static volatile PtSymbolBlock inputGradientFunction;

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
     * ∇ₓ Σᵢ D(xᵢ): per sample ∇ₓD(xᵢ) when D treats samples independently (no BatchNorm). The gradient is
     * recorded in the graph (create_graph), so it is differentiable with respect to D's weights, and the
     * forward graph is kept (retain_graph) for the step's own backward. Nothing is written into any
     * {@code .grad}: neither D's parameters nor x get one. The result and x attach to the samples' manager, like the forward's arrays.
     */
    @Override
    public NDArray inputGradient(NDArray samples, UnaryOperator<NDArray> discriminator,
            PairList<String, Parameter> discriminatorParameters) {
        NDArray x = samples.stopGradient(); // a leaf: the gradient is taken with respect to the image alone
        x.setRequiresGradient(true);
        NDArray total = discriminator.apply(x).sum();
        // isTrain=true: DJL runs the method under the caller's grad mode (false would mean inference mode,
        // in which nothing is recorded); the result attaches to total's manager
        return IValueUtils.forward(function(), new NDList(total, x), true).singletonOrThrow();
    }

    private static PtSymbolBlock function() {
        PtSymbolBlock f = inputGradientFunction;
        if (f == null) {
            synchronized (PytorchGradients.class) {
                f = inputGradientFunction;
                if (f == null) {
                    // a manager of its own that lives as long as the process: the function has no weights
                    PtNDManager owner = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
                    try (InputStream in = PytorchGradients.class.getResourceAsStream(SCRIPT)) {
                        if (in == null) {
                            throw new EngineException("missing resource " + SCRIPT);
                        }
                        f = JniUtils.loadModule(owner, in, true, false);
                    } catch (IOException e) {
                        throw new EngineException("cannot load " + SCRIPT, e);
                    }
                    inputGradientFunction = f;
                }
            }
        }
        return f;
    }
}
