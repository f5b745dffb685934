package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * The R2 penalty (Mescheder et al. 2018, Eq. 10), added to D's loss, on the step's generated samples G(z)
 * (detached from G):
 *
 * <pre>
 *   R2 = γ/2 · E_z[‖∇ₓD(x)|ₓ₌G(z)‖²]
 * </pre>
 *
 * Default γ = 10.
 */
public final class R2Penalty extends ZeroCentredPenalty {
    static final String NAME = "r2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    NDArray samples(RegularizerContext context) {
        return context.fakeSamples();
    }
}
