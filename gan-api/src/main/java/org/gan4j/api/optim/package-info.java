/** Optimizers with checkpointable state. */
package org.gan4j.api.optim;
