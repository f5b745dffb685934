package org.gan4j.core.train;

/** A loss or gradient became NaN or infinite: training cannot continue from this state. */
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
