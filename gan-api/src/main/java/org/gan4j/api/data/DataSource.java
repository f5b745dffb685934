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
}
