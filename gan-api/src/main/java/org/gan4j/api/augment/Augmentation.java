package org.gan4j.api.augment;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A differentiable augmentation T of D's inputs, configured as the top-level section {@code augment: {type: ...}}
 * (DiffAugment, Zhao et al. 2020). The trainer applies it to real and generated images in every D-step and to
 * generated images in the G-step, so D only ever sees T(x) and T(G(z)); G's gradient flows through T.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Augmentation {

    /**
     * T({@code images}) for a batch (N, C, H, W), built from differentiable operations on it (the result is in
     * its graph and its manager); every random choice is drawn from {@code seed}, so the same seed gives the same T.
     */
    NDArray apply(NDArray images, long seed);
}
