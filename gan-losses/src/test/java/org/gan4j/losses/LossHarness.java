package org.gan4j.losses;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.loss.LossContext.Phase;

/** Evaluates a loss at chosen logits: its value, and its gradient w.r.t. the logits through DJL's autograd. */
final class LossHarness {
    private LossHarness() {}

    /** D's loss at a batch of real and fake logits (shape (n, 1) each). */
    static double dLoss(NDManager parent, AdversarialLoss loss, float[] real, float[] fake) {
        try (NDManager m = parent.newSubManager()) {
            LogitsContext context = new LogitsContext(column(m, real), column(m, fake), Phase.DISCRIMINATOR);
            return loss.discriminatorLoss(context).getFloat();
        }
    }

    /** G's loss at a batch of fake logits. */
    static double gLoss(NDManager parent, AdversarialLoss loss, float[] fake) {
        try (NDManager m = parent.newSubManager()) {
            return loss.generatorLoss(new LogitsContext(null, column(m, fake), Phase.GENERATOR)).getFloat();
        }
    }

    /** {dL_D/dl_real, dL_D/dl_fake}, as computed by one backward (the batch mean is NOT undone). */
    static float[][] dGradient(NDManager parent, AdversarialLoss loss, float[] real, float[] fake) {
        try (NDManager m = parent.newSubManager()) {
            NDArray r = column(m, real);
            NDArray f = column(m, fake);
            r.setRequiresGradient(true);
            f.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.discriminatorLoss(new LogitsContext(r, f, Phase.DISCRIMINATOR)));
            }
            return new float[][] {r.getGradient().toFloatArray(), f.getGradient().toFloatArray()};
        }
    }

    /** dL_G/dl_fake, as computed by one backward (the batch mean is NOT undone). */
    static float[] gGradient(NDManager parent, AdversarialLoss loss, float[] fake) {
        try (NDManager m = parent.newSubManager()) {
            NDArray f = column(m, fake);
            f.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.generatorLoss(new LogitsContext(null, f, Phase.GENERATOR)));
            }
            return f.getGradient().toFloatArray();
        }
    }

    private static NDArray column(NDManager m, float[] values) {
        return m.create(values).reshape(values.length, 1);
    }

    static double sigmoid(double l) {
        return 1 / (1 + Math.exp(-l));
    }

    /** log(1 + e^l), in doubles. */
    static double softplus(double l) {
        return Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
    }

    static double mean(float[] values, java.util.function.DoubleUnaryOperator f) {
        double sum = 0;
        for (float v : values) {
            sum += f.applyAsDouble(v);
        }
        return sum / values.length;
    }
}
