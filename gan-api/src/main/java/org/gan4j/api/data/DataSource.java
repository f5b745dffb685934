package org.gan4j.api.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;

/**
 * A source of real samples, configured from YAML. Opening it loads or prepares the data; the
 * opened {@link SampleSource} serves seeded minibatches.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DataSource {

    /**
     * Opens the data.
     *
     * @param context where relative paths resolve and the run's seed
     * @return the opened samples, closed by the caller
     * @throws IOException when a file is missing, unreadable or malformed (the message names it)
     */
    SampleSource open(DataContext context) throws IOException;

    /**
     * The shape of one sample when the settings alone fix it, without reading any file (e.g. (2) for
     * points, (C, size, size) for scaled images); empty when only the files tell. Used to estimate the
     * memory a run needs before it starts.
     */
    default java.util.Optional<ai.djl.ndarray.types.Shape> knownSampleShape() {
        return java.util.Optional.empty();
    }
}
