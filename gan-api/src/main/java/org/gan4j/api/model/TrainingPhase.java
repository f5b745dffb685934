package org.gan4j.api.model;

/**
 * Which network the trainer is updating. A D-step's forwards (D on real and generated samples, G making the
 * samples, a regularizer's extra passes through D) run in {@link #DISCRIMINATOR_STEP}; the G-step's (G, and D
 * judging G's samples) in {@link #GENERATOR_STEP}. Blocks that implement {@link PhaseAware} hear of each change
 * before the step's first forward, so a layer can tell the G-step's pass through D from D's own step.
 */
public enum TrainingPhase {
    DISCRIMINATOR_STEP,
    GENERATOR_STEP
}
