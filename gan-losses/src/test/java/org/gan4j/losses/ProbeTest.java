package org.gan4j.losses;

import ai.djl.engine.Engine;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.ndarray.types.DataType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProbeTest {
    static NativeLibrary lib() throws Exception {
        Field f = JnaUtils.class.getDeclaredField("LIB");
        f.setAccessible(true);
        Object lib = f.get(null);
        Library.Handler h = (Library.Handler) Proxy.getInvocationHandler(lib);
        return h.getNativeLibrary();
    }

    static NDArray grad(NDManager m, NDArray head, NDArray x, int create) throws Exception {
        NativeLibrary lib = lib();
        Memory outs = new Memory(Native.POINTER_SIZE);
        outs.setPointer(0, ((MxNDArray) head).getHandle());
        Memory vars = new Memory(Native.POINTER_SIZE);
        vars.setPointer(0, ((MxNDArray) x).getHandle());
        PointerByReference gradHandles = new PointerByReference();
        PointerByReference gradStypes = new PointerByReference();
        int rc = lib.getFunction("MXAutogradBackwardEx").invokeInt(new Object[] {
            1, outs, null, 1, vars, 1, create, 1, gradHandles, gradStypes});
        if (rc != 0) {
            String err = lib.getFunction("MXGetLastError").invokeString(new Object[0], false);
            throw new RuntimeException("MXAutogradBackwardEx: " + err);
        }
        Pointer g = gradHandles.getValue().getPointer(0);
        return ((MxNDManager) m).create(g);
    }

    void run(String name, Function<NDArray, NDArray> f, NDManager m) {
        try (NDManager s = m.newSubManager()) {
            NDArray x = s.create(new float[] {0.5f, -1.2f, 2f, 0.3f}).reshape(2, 2);
            x.setRequiresGradient(true);
            NDArray g;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                g = grad(s, y, x, 1);
                System.out.println(name + " first grad " + Arrays.toString(g.toFloatArray()));
                NDArray p = g.square().sum();
                gc.backward(p);
            }
            System.out.println(name + " d/dx sum(g^2) " + Arrays.toString(x.getGradient().toFloatArray()));
        } catch (Throwable t) {
            System.out.println(name + " FAILED: " + t);
        }
    }

    static NDArray op(String name, NDArray... in) {
        return in[0].getManager().invoke(name, new NDList(in), null).singletonOrThrow();
    }

    static NDArray opp(String name, String k, Object v, NDArray... in) {
        return in[0].getManager().invoke(name, new NDList(in),
                new ai.djl.util.PairList<>(java.util.List.of(k), java.util.List.of(v))).singletonOrThrow();
    }

    void run2(String name, Function<NDArray, NDArray> f, NDManager m) {
        try (NDManager s = m.newSubManager()) {
            NDArray x = s.create(new float[] {0.5f, -1.2f, 2f, 0.3f}).reshape(2, 2);
            x.setRequiresGradient(true);
            NDArray g;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x);
                g = grad(s, y, x, 1);
                System.out.println(name + " first grad " + Arrays.toString(g.toFloatArray()));
                NDArray p = op("sum", op("square", g));
                gc.backward(p);
            }
            System.out.println(name + " d/dx sum(g^2) " + Arrays.toString(x.getGradient().toFloatArray()));
        } catch (Throwable t) {
            System.out.println(name + " FAILED: " + t.getMessage().split("\n")[0]);
        }
    }

    void fcw(String name, String actOp, NDManager m) {
        try (NDManager s = m.newSubManager()) {
            NDArray x = s.create(new float[] {0.5f, -1.2f, 2f, 0.3f}).reshape(2, 2);
            x.setRequiresGradient(true);
            NDArray w = s.create(new float[] {2f, -3f}).reshape(1, 2);
            w.setRequiresGradient(true);
            NDArray b = s.create(new float[] {0.1f});
            b.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = opp("FullyConnected", "num_hidden", 1, x, w, b);
                if (actOp != null) y = op(actOp, y);
                NDArray g = grad(s, y, x, 1);
                System.out.println(name + " first grad " + Arrays.toString(g.toFloatArray()));
                NDArray p = g.square().sum();
                gc.backward(p);
            }
            System.out.println(name + " dp/dw " + Arrays.toString(w.getGradient().toFloatArray())
              + " dp/db " + Arrays.toString(b.getGradient().toFloatArray())
              + " dp/dx " + Arrays.toString(x.getGradient().toFloatArray()));
        } catch (Throwable t) {
            System.out.println(name + " FAILED: " + t.getMessage().split("\n")[0]);
        }
    }

    @Test
    void probe() {
        try (NDManager m = NDManager.newBaseManager()) {
            fcw("fc", null, m);
            fcw("fc-tanh", "tanh", m);
            fcw("fc-square", "square", m);
        }
    }
}
