package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * The R1 penalty (Mescheder et al. 2018, "Which Training Methods for GANs do actually Converge?", Eq. 9),
 * added to D's loss, on the real samples x of the step:
 *
 * <pre>
 *   R1 = γ/2 · E_x[‖∇ₓD(x)‖²]
 * </pre>
 *
 * D(x) is D's raw output (the logit). Default γ = 10; StyleGAN2 applies it lazily ({@code every: 16}).
 */
public final class R1Penalty extends ZeroCentredPenalty {
    static final String NAME = "r1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    NDArray samples(RegularizerContext context) {
        return context.realSamples();
    }
}
