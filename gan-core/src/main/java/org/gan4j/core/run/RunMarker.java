package org.gan4j.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code gan4j-run.json}: says "this folder is a gan4j run".
 *
 * @param formatVersion the run-directory format the files follow ({@link RunDirectory#FORMAT_VERSION})
 * @param outputs top-level files and folders the run wrote beyond the contract's own (metric plots), so
 *     that {@code --overwrite} removes them and nothing of the user's
 */
public record RunMarker(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("outputs") List<String> outputs) {

    public RunMarker {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
