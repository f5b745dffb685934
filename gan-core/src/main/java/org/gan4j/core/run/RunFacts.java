package org.gan4j.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code run.json}: what a run was built for; {@code gan sample} and {@code --resume} read it.
 *
 * @param config absolute path of the config file the run was started from
 * @param dataBase absolute folder that relative data paths were resolved against (the config's folder);
 *     absent in runs written before it was recorded, where the config's folder is meant
 * @param sampleShape shape of one sample
 * @param latentDim size of G's noise input
 * @param numClasses classes of a class-conditional run, 0 otherwise
 * @param conditionShape shape of an image condition, absent when the run has none
 * @param seed the experiment's seed
 * @param threads the OpenMP thread count, -1 when unknown
 * @param engine the deep-learning engine the run trained on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFacts(
        @JsonProperty("config") String config,
        @JsonProperty("data_base") String dataBase,
        @JsonProperty("sample_shape") long[] sampleShape,
        @JsonProperty("latent_dim") int latentDim,
        @JsonProperty("num_classes") Integer numClasses,
        @JsonProperty("condition_shape") long[] conditionShape,
        @JsonProperty("seed") Long seed,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("engine") String engine) {

    /** The folder relative data paths resolve against: the recorded one, else the config's folder. */
    public java.nio.file.Path dataBasePath() {
        if (dataBase != null) {
            return java.nio.file.Path.of(dataBase);
        }
        java.nio.file.Path parent = config == null ? null : java.nio.file.Path.of(config).getParent();
        return parent;
    }
}
