package org.gan4j.core.train;

import java.util.Map;

/** Called by the trainer after every completed step (checkpointing hangs off it). */
public interface StepHook {
    /** Does nothing. */
    StepHook NONE = (step, evaluation, last) -> {};

    /**
     * @param step generator steps completed
     * @param evaluation the metrics computed at this step, or null when none ran
     * @param last whether the loop ends after this step (target reached or stop requested)
     */
    void afterStep(long step, Map<String, Double> evaluation, boolean last);
}
