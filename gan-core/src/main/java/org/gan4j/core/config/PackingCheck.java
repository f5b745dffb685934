package org.gan4j.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.regularizer.Regularizer;

/**
 * Refuses, when the config is loaded, what a packed discriminator ({@code trainer.packing} m above 1, PacGAN)
 * cannot do: judge a condition with its sample, judge single samples for a metric, or give a penalty the input
 * gradient of one sample (a packed D's gradient norm belongs to a pack); and a sample-counted batch that m does
 * not divide.
 */
final class PackingCheck {
    private PackingCheck() {}

    static void check(ExperimentConfig config, JsonNode tree, SourceMap sources) {
        TrainerConfig trainer = config.getTrainer();
        int m = trainer.getPacking();
        if (m == 1) {
            return;
        }
        String packed = "trainer.packing is " + m;
        if (trainer.getPackingBatch() == TrainerConfig.PackingBatch.SAMPLES && trainer.getBatchSize() % m != 0) {
            throw new ConfigException(sources.locate(JsonPointer.compile("/trainer/batch_size")), "trainer.batch_size",
                    trainer.getBatchSize() + " is not a multiple of trainer.packing " + m + " (packing_batch: samples "
                    + "splits the batch into packs of m); use a multiple of " + m + " or packing_batch: packs");
        }
        if (config.getTask() != null) {
            throw new ConfigException(sources.locate(JsonPointer.compile("/task")), "task",
                    packed + ", but packing applies to unconditional runs only (a pack has no one condition); "
                    + "remove task: or set trainer.packing: 1");
        }
        for (int i = 0; i < config.getEval().getMetrics().size(); i++) {
            Metric metric = config.getEval().getMetrics().get(i);
            if (metric.judgesSingleSamples()) {
                String at = "/eval/metrics/" + i;
                throw new ConfigException(sources.locate(JsonPointer.compile(at)), "eval.metrics[" + i + "]",
                        "metric '" + tree.at(at + "/type").asText("?") + "' evaluates D on single samples, which a "
                        + "packed D (" + packed + ") never judges; remove the metric or set trainer.packing: 1");
            }
        }
        for (int i = 0; i < config.getRegularizers().size(); i++) {
            Regularizer r = config.getRegularizers().get(i);
            if (r.needsInputGradient()) {
                throw new ConfigException(sources.locate(JsonPointer.compile("/regularizers/" + i)),
                        "regularizers[" + i + "]", "regularizer '" + r.name() + "' penalises the input gradient of "
                        + "D per sample, which a packed D (" + packed + ") only has per pack; remove it or set "
                        + "trainer.packing: 1 (lecam and consistency work with packing)");
            }
        }
    }
}
