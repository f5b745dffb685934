/**
 * The engine-specific operations gan4j needs, one small interface per need, implemented once per DJL
 * engine by the modules {@code gan-engine-mxnet} and {@code gan-engine-pytorch} and found through
 * {@link java.util.ServiceLoader} ({@link GanEngines}). Architectures, losses, optimizers and the trainer
 * call these interfaces and name no engine.
 */
package org.gan4j.api.engine;
