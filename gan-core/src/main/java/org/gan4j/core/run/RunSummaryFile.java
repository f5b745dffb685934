package org.gan4j.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.api.train.RunSummary;
import org.gan4j.api.train.StepStats;

/**
 * {@code summary.json}: where a run stopped and its last numbers (keys as gan-bench and users read them).
 *
 * @param config the config file as given on the command line
 * @param seed the experiment's seed
 * @param threads the OpenMP thread count, -1 when unknown
 * @param engine the engine the run trained on ({@code mxnet}, {@code pytorch}); absent in older summaries
 * @param steps generator steps completed
 * @param wallSeconds wall time of this process's training
 * @param lastStep the last logged step's numbers, absent when none was logged
 * @param metrics the last evaluation's results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"config", "seed", "threads", "engine", "steps", "wall_seconds", "last_step", "metrics"})
public record RunSummaryFile(
        @JsonProperty("config") String config,
        @JsonProperty("seed") long seed,
        @JsonProperty("threads") int threads,
        @JsonProperty("engine") String engine,
        @JsonProperty("steps") long steps,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("last_step") LastStep lastStep,
        @JsonProperty("metrics") Map<String, Double> metrics) {

    public RunSummaryFile {
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
    }

    /** The summary of a finished (or interrupted) run. */
    public static RunSummaryFile of(String config, long seed, int threads, RunSummary summary) {
        return of(config, seed, threads, null, summary);
    }

    /** The summary of a finished (or interrupted) run on {@code engine}. */
    public static RunSummaryFile of(String config, long seed, int threads, String engine, RunSummary summary) {
        StepStats last = summary.lastStats();
        return new RunSummaryFile(config, seed, threads, engine, summary.step(), summary.wallSeconds(),
                last == null ? null : LastStep.of(last), summary.finalMetrics());
    }

    /** The numbers of one logged step; {@code g_recon} only when the run has a reconstruction term. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"d_loss", "g_loss", "d_real", "d_fake", "g_grad_norm", "g_recon", "sec_per_step"})
    public record LastStep(
            @JsonProperty("d_loss") double dLoss,
            @JsonProperty("g_loss") double gLoss,
            @JsonProperty("d_real") double dReal,
            @JsonProperty("d_fake") double dFake,
            @JsonProperty("g_grad_norm") double gGradNorm,
            @JsonProperty("g_recon") Double gRecon,
            @JsonProperty("sec_per_step") double secPerStep) {

        static LastStep of(StepStats s) {
            return new LastStep(s.discriminatorLoss(), s.generatorLoss(), s.meanRealProbability(),
                    s.meanFakeProbability(), s.generatorGradNorm(),
                    Double.isFinite(s.reconstructionLoss()) ? s.reconstructionLoss() : null, s.secondsPerStep());
        }
    }
}
