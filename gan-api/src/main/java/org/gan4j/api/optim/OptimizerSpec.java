package org.gan4j.api.optim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An optimizer as configured in YAML; each network gets its own instance. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface OptimizerSpec {

    /** A fresh optimizer with empty state. */
    ParameterOptimizer create();
}
