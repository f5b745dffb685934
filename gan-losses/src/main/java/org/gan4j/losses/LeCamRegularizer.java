package org.gan4j.losses;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.gan4j.api.checkpoint.StatefulPart;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.loss.LossContext.Phase;
import org.gan4j.api.regularizer.Regularizer;
import org.gan4j.api.regularizer.RegularizerContext;

/**
 * LeCam regularization (Tseng et al. 2021, "Regularizing Generative Adversarial Networks under Limited
 * Data", Eq. 3), added to D's loss, on D's raw outputs l:
 *
 * <pre>
 *   R = λ · ( E[(l(x) − α_F)²] + E[(l(G(z)) − α_R)²] )
 *   α_R ← γ·α_R + (1 − γ)·mean l(x),   α_F ← γ·α_F + (1 − γ)·mean l(G(z))
 * </pre>
 *
 * α_R and α_F are exponential moving averages (decay γ = {@code decay}, 0.99) of D's mean output on real
 * and generated samples, starting at 0 and updated from each applied step's (detached) outputs before R is
 * computed, as in the authors' code. Real outputs are pulled towards the fake anchor and fake outputs
 * towards the real one, which keeps D from separating a small training set ever further. The authors' code
 * puts a ReLU inside each square (only the side past the anchor counts); this is the paper's equation.
 * Default λ = 0.3 (their CIFAR-10 BigGAN setting). The anchors are checkpointed (section
 * {@code regularizer.lecam}) so a resumed run continues exactly.
 */
public final class LeCamRegularizer implements Regularizer, StatefulPart {
    static final String NAME = "lecam";

    @JsonPropertyDescription("λ: weight of the term in D's loss")
    private double lambda = 0.3;

    @JsonPropertyDescription("γ: decay of the anchors' exponential moving averages, in [0, 1)")
    private double decay = 0.99;

    @JsonPropertyDescription("apply every N-th D update, scaled by N (lazy regularization); 1: every update")
    private int every = 1;

    private double anchorReal;
    private double anchorFake;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase target() {
        return Phase.DISCRIMINATOR;
    }

    @Override
    public int every() {
        return every;
    }

    /** Updates the anchors from this step's outputs, then λ·(E[(l_real − α_F)²] + E[(l_fake − α_R)²]). */
    @Override
    public NDArray term(RegularizerContext context) {
        NDArray real = context.realLogits();
        NDArray fake = context.fakeLogits();
        anchorReal = decay * anchorReal + (1 - decay) * real.stopGradient().mean().getFloat();
        anchorFake = decay * anchorFake + (1 - decay) * fake.stopGradient().mean().getFloat();
        // float scalars: a double is a float64 0-d array on PyTorch, which promotes the 0-d means to float64
        return real.sub((float) anchorFake).square().mean()
                .add(fake.sub((float) anchorReal).square().mean())
                .mul((float) lambda);
    }

    /** α_R: the moving average of D's mean output on real samples. */
    public double anchorReal() {
        return anchorReal;
    }

    /** α_F: the moving average of D's mean output on generated samples. */
    public double anchorFake() {
        return anchorFake;
    }

    @Override
    public String stateSection() {
        return "regularizer." + NAME;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeDouble(anchorReal);
        out.writeDouble(anchorFake);
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length != 2 * Double.BYTES) {
            throw new IOException("LeCam state holds " + bytes.length + " bytes; expected " + 2 * Double.BYTES
                    + " (the real and fake anchors as two doubles)");
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        anchorReal = buffer.getDouble();
        anchorFake = buffer.getDouble();
    }

    public double getLambda() {
        return lambda;
    }

    public void setLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        this.decay = ConfigChecks.inRange(decay, 0, 1, true);
    }

    public int getEvery() {
        return every;
    }

    public void setEvery(int every) {
        this.every = every;
    }
}
