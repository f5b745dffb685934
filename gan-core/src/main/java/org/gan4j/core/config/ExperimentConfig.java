package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.gan4j.api.conditional.ConditionalTask;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.loss.AdversarialLoss;
import org.gan4j.api.model.Architecture;
import org.gan4j.api.regularizer.Regularizer;

/** One experiment: the whole YAML file. Pluggable sections (data, model, loss) carry {@code type:}. */
@JsonPropertyOrder({"seed", "engine", "data", "task", "latent", "model", "loss", "regularizers", "trainer", "eval", "checkpoint", "output"})
public final class ExperimentConfig {

    @JsonPropertyDescription("seed for weights, noise and data order")
    private long seed = 0;

    @JsonPropertyDescription("the DJL engine the run trains on, one per process: mxnet (default) or pytorch "
            + "(second derivatives, for input-gradient penalties)")
    private String engine;

    @JsonPropertyDescription("real data source (type: a registered data source)")
    private DataSource data;

    @JsonPropertyDescription("conditional task turning clean data into (condition, target) pairs "
            + "(type: a registered task); absent for an unconditional GAN")
    private ConditionalTask task;

    @JsonPropertyDescription("the noise prior of z")
    private LatentConfig latent = new LatentConfig();

    @JsonPropertyDescription("generator and discriminator (type: a registered architecture)")
    private Architecture model;

    @JsonPropertyDescription("adversarial loss (type: a registered loss)")
    private AdversarialLoss loss;

    @JsonPropertyDescription("terms added to D's or G's loss, each with 'every: N' (type: a registered regularizer)")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private java.util.List<Regularizer> regularizers = new java.util.ArrayList<>();

    private TrainerConfig trainer = new TrainerConfig();

    private EvalConfig eval = new EvalConfig();

    private CheckpointConfig checkpoint = new CheckpointConfig();

    private OutputConfig output = new OutputConfig();

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** The engine's config name (filled from the default the MXNet engine module declares). */
    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public DataSource getData() {
        return data;
    }

    public void setData(DataSource data) {
        this.data = data;
    }

    public ConditionalTask getTask() {
        return task;
    }

    public void setTask(ConditionalTask task) {
        this.task = task;
    }

    public LatentConfig getLatent() {
        return latent;
    }

    public void setLatent(LatentConfig latent) {
        this.latent = latent;
    }

    public Architecture getModel() {
        return model;
    }

    public void setModel(Architecture model) {
        this.model = model;
    }

    public AdversarialLoss getLoss() {
        return loss;
    }

    public void setLoss(AdversarialLoss loss) {
        this.loss = loss;
    }

    public java.util.List<Regularizer> getRegularizers() {
        return regularizers;
    }

    public void setRegularizers(java.util.List<Regularizer> regularizers) {
        this.regularizers = regularizers == null ? new java.util.ArrayList<>() : regularizers;
    }

    public TrainerConfig getTrainer() {
        return trainer;
    }

    public void setTrainer(TrainerConfig trainer) {
        this.trainer = trainer;
    }

    public EvalConfig getEval() {
        return eval;
    }

    public void setEval(EvalConfig eval) {
        this.eval = eval;
    }

    public CheckpointConfig getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(CheckpointConfig checkpoint) {
        this.checkpoint = checkpoint;
    }

    public OutputConfig getOutput() {
        return output;
    }

    public void setOutput(OutputConfig output) {
        this.output = output;
    }
}
