package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.gan4j.api.config.ConfigChecks;
import org.gan4j.api.optim.OptimizerSpec;

/** Algorithm 1's loop: how many steps, how large the minibatches, k D-steps per G-step, optimizers. */
public final class TrainerConfig {

    @JsonPropertyDescription("total generator steps the run ends at")
    private long steps = 1000;

    @JsonPropertyDescription("if set: train this many steps beyond where the run (or its resume) starts, instead of steps")
    private Long moreSteps;

    @JsonPropertyDescription("minibatch size m, for real and generated samples")
    private int batchSize = 64;

    @JsonPropertyDescription("k: discriminator updates per generator update")
    private int discriminatorSteps = 1;

    @JsonPropertyDescription("false keeps G frozen (D trains against a fixed generator)")
    private boolean trainGenerator = true;

    @JsonPropertyDescription("G stays frozen for the first this many steps (D-only warm-up)")
    private long generatorStart = 0;

    @JsonPropertyDescription("G-step reuses the last D-step's G(z) (one G forward per iteration, as PyTorch's DCGAN "
            + "example) instead of fresh noise (Algorithm 1)")
    private boolean reuseFake = false;

    @JsonPropertyDescription("log (and check for NaN) every this many steps")
    private int logEvery = 100;

    @JsonPropertyDescription("on a NaN/infinite loss or G gradient norm (checked at logged steps) or weight (checked when a checkpoint is written): stop, or rollback to the last checkpoint with lower learning rates")
    private DivergencePolicy onDivergence = DivergencePolicy.STOP;

    @JsonPropertyDescription("learning rates are multiplied by this at each rollback")
    private double rollbackLrFactor = 0.5;

    @JsonPropertyDescription("rollbacks allowed before the run stops")
    private int maxRollbacks = 3;

    // The two optimizers have no default here: the config loader fills them from the default an
    // optimizer plugin declares, so the core names no variant.
    @JsonPropertyDescription("optimizer of G (a section with type:, see gan plugins; left out: the declared default)")
    private OptimizerSpec generatorOptimizer;

    @JsonPropertyDescription("optimizer of D (a section with type:, see gan plugins; left out: the declared default)")
    private OptimizerSpec discriminatorOptimizer;

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = ConfigChecks.nonNegative(steps);
    }

    public Long getMoreSteps() {
        return moreSteps;
    }

    public void setMoreSteps(Long moreSteps) {
        this.moreSteps = moreSteps == null ? null : ConfigChecks.nonNegative(moreSteps);
    }

    /** The step a run that starts at {@code startStep} ends at. */
    public long targetStep(long startStep) {
        return moreSteps != null ? startStep + moreSteps : steps;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = ConfigChecks.positive(batchSize);
    }

    public int getDiscriminatorSteps() {
        return discriminatorSteps;
    }

    public void setDiscriminatorSteps(int discriminatorSteps) {
        this.discriminatorSteps = ConfigChecks.nonNegative(discriminatorSteps);
    }

    public boolean isTrainGenerator() {
        return trainGenerator;
    }

    public void setTrainGenerator(boolean trainGenerator) {
        this.trainGenerator = trainGenerator;
    }

    public long getGeneratorStart() {
        return generatorStart;
    }

    public void setGeneratorStart(long generatorStart) {
        this.generatorStart = ConfigChecks.nonNegative(generatorStart);
    }

    public boolean isReuseFake() {
        return reuseFake;
    }

    public void setReuseFake(boolean reuseFake) {
        this.reuseFake = reuseFake;
    }

    public int getLogEvery() {
        return logEvery;
    }

    public void setLogEvery(int logEvery) {
        this.logEvery = ConfigChecks.positive(logEvery);
    }

    public DivergencePolicy getOnDivergence() {
        return onDivergence;
    }

    public void setOnDivergence(DivergencePolicy onDivergence) {
        this.onDivergence = onDivergence;
    }

    public double getRollbackLrFactor() {
        return rollbackLrFactor;
    }

    public void setRollbackLrFactor(double rollbackLrFactor) {
        this.rollbackLrFactor = ConfigChecks.inRange(rollbackLrFactor, 0, 1, true);
        if (rollbackLrFactor == 0) {
            throw new IllegalArgumentException("must be in (0, 1), got 0");
        }
    }

    public int getMaxRollbacks() {
        return maxRollbacks;
    }

    public void setMaxRollbacks(int maxRollbacks) {
        this.maxRollbacks = ConfigChecks.nonNegative(maxRollbacks);
    }

    /** What to do when training diverges. */
    public enum DivergencePolicy {
        STOP,
        ROLLBACK;

        @com.fasterxml.jackson.annotation.JsonValue
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static DivergencePolicy fromYaml(String name) {
            return ConfigChecks.oneOf(name, values(), DivergencePolicy::yamlName);
        }
    }

    // Stabilizers (issue 15), all off when left out so existing configs train exactly as before.
    @JsonPropertyDescription("an exponential moving average of G's weights, used for evaluation and sampling "
            + "({decay: 0.999, start: 1000}); left out: none")
    private GeneratorEmaConfig generatorEma;

    @JsonPropertyDescription("G's learning-rate schedule ({shape: constant|linear|cosine, warmup, decay_start, "
            + "decay_end}); left out: constant")
    private LrScheduleConfig generatorLrSchedule;

    @JsonPropertyDescription("D's learning-rate schedule, as generator_lr_schedule; left out: constant")
    private LrScheduleConfig discriminatorLrSchedule;

    public GeneratorEmaConfig getGeneratorEma() {
        return generatorEma;
    }

    public void setGeneratorEma(GeneratorEmaConfig generatorEma) {
        this.generatorEma = generatorEma;
    }

    public LrScheduleConfig getGeneratorLrSchedule() {
        return generatorLrSchedule;
    }

    public void setGeneratorLrSchedule(LrScheduleConfig generatorLrSchedule) {
        this.generatorLrSchedule = generatorLrSchedule;
    }

    public LrScheduleConfig getDiscriminatorLrSchedule() {
        return discriminatorLrSchedule;
    }

    public void setDiscriminatorLrSchedule(LrScheduleConfig discriminatorLrSchedule) {
        this.discriminatorLrSchedule = discriminatorLrSchedule;
    }

    // PacGAN packing (issue 15): 1 leaves D judging single samples, exactly as before the key existed.
    @JsonPropertyDescription("PacGAN packing m: D judges packs of m samples joined along the feature (or channel) "
            + "axis, real with real and generated with generated; 1: no packing. Unconditional runs only")
    private int packing = 1;

    @JsonPropertyDescription("with packing m: packs (D sees batch_size packs, G draws batch_size*m samples, as "
            + "PacGAN's code) or samples (batch_size samples make batch_size/m packs; a multiple of m)")
    private PackingBatch packingBatch = PackingBatch.PACKS;

    public int getPacking() {
        return packing;
    }

    public void setPacking(int packing) {
        this.packing = ConfigChecks.positive(packing);
    }

    public PackingBatch getPackingBatch() {
        return packingBatch;
    }

    public void setPackingBatch(PackingBatch packingBatch) {
        this.packingBatch = packingBatch;
    }

    /**
     * Real (and generated) samples drawn per D- or G-step: batch_size·m when batch_size counts packs, batch_size
     * when it counts samples (then batch_size/m packs); batch_size without packing.
     */
    public int samplesPerBatch() {
        return packingBatch == PackingBatch.PACKS ? Math.multiplyExact(batchSize, packing) : batchSize;
    }

    /** What trainer.batch_size counts in a packed run. */
    public enum PackingBatch {
        /** batch_size packs of m samples each (PacGAN's code: the number of D's inputs stays the unpacked batch). */
        PACKS,
        /** batch_size samples, batch_size/m packs (the same samples per step as without packing). */
        SAMPLES;

        @com.fasterxml.jackson.annotation.JsonValue
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static PackingBatch fromYaml(String name) {
            return ConfigChecks.oneOf(name, values(), PackingBatch::yamlName);
        }
    }

    public OptimizerSpec getGeneratorOptimizer() {
        return generatorOptimizer;
    }

    public void setGeneratorOptimizer(OptimizerSpec generatorOptimizer) {
        this.generatorOptimizer = generatorOptimizer;
    }

    public OptimizerSpec getDiscriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    public void setDiscriminatorOptimizer(OptimizerSpec discriminatorOptimizer) {
        this.discriminatorOptimizer = discriminatorOptimizer;
    }
}
