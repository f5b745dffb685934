package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.gan4j.api.config.ConfigChecks;

/** When checkpoints are written and which are kept. One is always written at the end of a run. */
public final class CheckpointConfig {

    @JsonPropertyDescription("write a checkpoint every this many steps (0: only at the end and on interruption)")
    private long every = 0;

    @JsonPropertyDescription("step checkpoints kept (older ones are deleted)")
    private int keepLast = 3;

    @JsonPropertyDescription("metric whose best value is kept as checkpoints/best.ckpt (empty: none)")
    private String bestMetric = "";

    @JsonPropertyDescription("min or max: which direction of best_metric is better")
    private Direction bestMode = Direction.MIN;

    public long getEvery() {
        return every;
    }

    public void setEvery(long every) {
        this.every = ConfigChecks.nonNegative(every);
    }

    public int getKeepLast() {
        return keepLast;
    }

    public void setKeepLast(int keepLast) {
        this.keepLast = ConfigChecks.positive(keepLast);
    }

    public String getBestMetric() {
        return bestMetric;
    }

    public void setBestMetric(String bestMetric) {
        this.bestMetric = bestMetric;
    }

    public Direction getBestMode() {
        return bestMode;
    }

    public void setBestMode(Direction bestMode) {
        this.bestMode = bestMode;
    }

    /** Which direction of a metric is better. */
    public enum Direction {
        MIN,
        MAX;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Direction fromYaml(String name) {
            return ConfigChecks.oneOf(name, values(), Direction::yamlName);
        }

        public boolean better(double candidate, double incumbent) {
            return this == MIN ? candidate < incumbent : candidate > incumbent;
        }
    }
}
