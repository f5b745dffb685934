package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.config.Validated;

/**
 * A learning-rate schedule of one network ({@code trainer.generator_lr_schedule},
 * {@code trainer.discriminator_lr_schedule}): the optimizer's rate is multiplied at generator step t by
 *
 * <pre>
 *   f(t) = w(t) · d(t),   w(t) = min(1, (t + 1) / warmup)                         (linear warm-up)
 *   u    = clamp((t − decay_start) / (decay_end − decay_start), 0, 1)
 *   d(t) = 1 (constant),  1 − u (linear decay to zero, SNGAN/BigGAN),  (1 + cos πu) / 2 (cosine)
 * </pre>
 *
 * f is a pure function of the step, so a resumed run follows the same rates without checkpointed state. The
 * D-steps of iteration t use f(t). {@code decay_end} left out is the run's {@code trainer.steps}.
 */
public final class LrScheduleConfig implements Validated {

    @JsonPropertyDescription("constant, linear (decay to zero) or cosine")
    private Shape shape = Shape.CONSTANT;

    @JsonPropertyDescription("steps of linear warm-up from lr/warmup to lr (0: none)")
    private long warmup = 0;

    @JsonPropertyDescription("step the decay starts at (left out: the end of the warm-up)")
    private Long decayStart;

    @JsonPropertyDescription("step the decay reaches its end at (left out: trainer.steps)")
    private Long decayEnd;

    /** The decay's form. */
    public enum Shape {
        CONSTANT,
        LINEAR,
        COSINE;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Shape fromYaml(String name) {
            return ConfigChecks.oneOf(name, values(), Shape::yamlName);
        }
    }

    /** The multiplier f(t) at generator step {@code step} of a run whose {@code trainer.steps} is {@code totalSteps}. */
    public double factor(long step, long totalSteps) {
        double warm = warmup > 0 ? Math.min(1.0, (step + 1) / (double) warmup) : 1.0;
        if (shape == Shape.CONSTANT) {
            return warm;
        }
        long start = decayStart != null ? decayStart : warmup;
        long end = decayEnd != null ? decayEnd : totalSteps;
        if (end <= start) { // a decay with no length: none before its start, fully decayed from it on
            return step < start ? warm : 0.0;
        }
        double u = Math.min(1.0, Math.max(0.0, (step - start) / (double) (end - start)));
        double decay = shape == Shape.LINEAR ? 1 - u : (1 + Math.cos(Math.PI * u)) / 2;
        return warm * decay;
    }

    @Override
    public void validate() {
        long start = decayStart != null ? decayStart : warmup;
        if (decayEnd != null && decayEnd <= start) {
            throw new IllegalArgumentException("decay_end " + decayEnd + " is not after the decay's start " + start
                    + (decayStart != null ? " (decay_start)" : " (the end of the warm-up)")
                    + "; a schedule must end after it starts: give decay_end > " + start);
        }
    }

    public Shape getShape() {
        return shape;
    }

    public void setShape(Shape shape) {
        this.shape = shape;
    }

    public long getWarmup() {
        return warmup;
    }

    public void setWarmup(long warmup) {
        this.warmup = ConfigChecks.nonNegative(warmup);
    }

    public Long getDecayStart() {
        return decayStart;
    }

    public void setDecayStart(Long decayStart) {
        this.decayStart = decayStart == null ? null : ConfigChecks.nonNegative(decayStart);
    }

    public Long getDecayEnd() {
        return decayEnd;
    }

    public void setDecayEnd(Long decayEnd) {
        this.decayEnd = decayEnd == null ? null : ConfigChecks.nonNegative(decayEnd);
    }
}
