package org.gan4j.api.model;

/**
 * A block of G or D that behaves differently in the D-step and the G-step (spectral normalisation advances its
 * power iteration in D's own step only). The trainer finds such blocks anywhere in the networks' block trees and
 * calls {@link #enterPhase} before each step; evaluation forwards (training = false) keep the last phase.
 */
public interface PhaseAware {

    /** The trainer is about to run the forwards of {@code phase}. */
    void enterPhase(TrainingPhase phase);
}
