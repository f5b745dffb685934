package org.gan4j.core.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/** What one regularizer sees in the step it is applied in: the step's loss context plus its own stream and log. */
final class StepRegularizerContext implements RegularizerContext {
    private final StepLossContext step;
    private final long update;
    private final long randomSeed;
    private final Regularizer regularizer;
    private final List<String> columns;
    private final Map<String, Double> logged;
    private final UnaryOperator<NDArray> inputGradient;

    /**
     * @param logged the logged step's plugin columns, or null when this step is not logged
     * @param inputGradient the engine's ∇ₓD(x) with the step's D and condition (refuses without second derivatives)
     */
    StepRegularizerContext(StepLossContext step, long update, long randomSeed, Regularizer regularizer,
            Map<String, Double> logged, UnaryOperator<NDArray> inputGradient) {
        this.step = step;
        this.update = update;
        this.randomSeed = randomSeed;
        this.regularizer = regularizer;
        this.columns = regularizer.logColumns();
        this.logged = logged;
        this.inputGradient = inputGradient;
    }

    /** Why this engine cannot give ∇ₓD(x) inside a loss term. */
    static String inputGradientRefusal(String regularizer, String engine) {
        return "regularizer '" + regularizer + "' needs the input gradient of D (∇ₓD(x)) inside the loss, which "
                + "takes second derivatives (a gradient of a gradient); the " + engine
                + " engine does not provide them: set engine: pytorch, or use a first-order regularizer";
    }

    @Override
    public NDArray realLogits() {
        return step.realLogits();
    }

    @Override
    public NDArray fakeLogits() {
        return step.fakeLogits();
    }

    @Override
    public NDArray realSamples() {
        return step.realSamples();
    }

    @Override
    public NDArray fakeSamples() {
        return step.fakeSamples();
    }

    @Override
    public NDArray discriminate(NDArray samples) {
        return step.discriminate(samples);
    }

    @Override
    public Phase phase() {
        return step.phase();
    }

    @Override
    public long step() {
        return step.step();
    }

    @Override
    public long randomSeed() {
        return randomSeed;
    }

    @Override
    public long update() {
        return update;
    }

    @Override
    public NDArray inputGradient(NDArray samples) {
        return inputGradient.apply(samples);
    }

    @Override
    public void log(String column, double value) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("regularizer '" + regularizer.name() + "' logs column '" + column
                    + "', which it did not declare; its columns are " + columns);
        }
        if (logged != null) {
            logged.put(column, value);
        }
    }
}
