/**
 * Regularizers: terms added to D's or G's loss (LeCam, zero-centred penalties), configured as the
 * top-level list {@code regularizers:}, optionally applied lazily every N-th step.
 */
package org.gan4j.api.regularizer;
