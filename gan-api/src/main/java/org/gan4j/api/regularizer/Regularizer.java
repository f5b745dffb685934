package org.gan4j.api.regularizer;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.gan4j.api.loss.LossContext.Phase;

/**
 * A term added to the discriminator's or the generator's loss, configured in the top-level list
 * {@code regularizers: [{type: ..., every: N, ...}]}.
 *
 * <p>The trainer sums the adversarial loss and every applied term and back-propagates the sum once (the
 * engine overwrites gradients on each backward). A regularizer with {@code every() = N} is applied on every
 * N-th update of its network only and its term is multiplied by N there, so its average strength stays
 * the same (lazy regularization, Mescheder et al. 2018; Karras et al. 2020, StyleGAN2).
 *
 * <p>Its {@link #name()} names its random stream, its checkpoint section and its log column
 * {@code reg_<name>}, which holds the applied (scaled) term at logged steps that applied it (NaN on the
 * others). A regularizer that keeps state between steps (running anchors) also implements
 * {@link org.gan4j.api.checkpoint.StatefulPart} so resumed runs continue exactly.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Regularizer {

    /** Unique within a run, lower_snake_case: names the stream, the checkpoint section and the log column. */
    String name();

    /** Whose loss the term is added to. */
    Phase target();

    /** Applied on every N-th update of {@link #target()} only, scaled by N (N ≥ 1; 1: every update). */
    int every();

    /**
     * Whether the term needs the gradient of D's output with respect to its input (an R1 or R2 penalty):
     * that needs second derivatives, which not every engine provides; the trainer refuses such a
     * regularizer before the run starts on an engine that cannot.
     */
    default boolean needsInputGradient() {
        return false;
    }

    /**
     * The term's value at this step, unscaled (the trainer multiplies by {@link #every()}), a scalar in
     * the step's graph so its gradient flows.
     */
    NDArray term(RegularizerContext context);

    /**
     * Columns this regularizer adds to {@code metrics.csv}, declared before the run starts; the first is
     * filled by the trainer with the applied term, others through {@link RegularizerContext#log}.
     */
    default List<String> logColumns() {
        return List.of(column(name()));
    }

    /** The log column of a regularizer's term: {@code reg_<name>}. */
    static String column(String name) {
        return "reg_" + name;
    }
}
