package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;

/**
 * Watches the boundaries of the real training step, for a profiler. The trainer calls it at the end of
 * each phase with an array the phase produced; the engine runs asynchronously, so an observer that times
 * phases waits for that array (or the whole engine) itself. The default observer does nothing and costs
 * nothing, so an unprofiled run is unchanged.
 */
public interface StepPhaseObserver {
    /** Observes nothing. */
    StepPhaseObserver NONE = new StepPhaseObserver() {};

    /** The phases of one iteration, in the order they end (a D-phase repeats for each of the k D-steps). */
    enum StepPhase {
        /** The real batch, its condition and the noise of a D-step. */
        DATA_AND_NOISE,
        /** G(z) for the D-step (kept for the G-step when it reuses it). */
        G_FORWARD,
        /** D on real and detached fake samples, the loss and any D regularizer. */
        D_FORWARD_AND_LOSS,
        /** The D-step's single backward. */
        D_BACKWARD,
        /** D's optimizer update and the loss's post-update hook (weight clipping). */
        D_UPDATE,
        /** The G-step's forward: a fresh G(z) when not reused, D on it, G's loss and reconstruction. */
        G_STEP_FORWARD,
        /** The G-step's backward through D and G. */
        G_STEP_BACKWARD,
        /** G's optimizer update. */
        G_UPDATE
    }

    /** An iteration (k D-steps and the G-step of generator step {@code step}) begins. */
    default void onIterationStart(long step) {}

    /**
     * A phase's operations have been issued.
     *
     * @param phase the phase that ended
     * @param result an array the phase produced (wait on it to time the phase)
     */
    default void onPhaseEnd(StepPhase phase, NDArray result) {}

    /** The iteration's last phase has ended. */
    default void onIterationEnd(long step) {}
}
