package org.gan4j.core.train;

/**
 * Training cannot continue from this state: a loss or G's gradient norm was NaN or infinite at a logged step
 * (steps between logs are not checked), or a parameter was not finite when a checkpoint was about to be written.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;

    public TrainingDivergedException(long step, String what) {
        super("training diverged at step " + step + ": " + what
                + "; lower the learning rates, or check the data scaling");
        this.step = step;
    }

    public long step() {
        return step;
    }
}
