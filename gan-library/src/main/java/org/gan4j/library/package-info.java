/**
 * <b>gan4j's supported Java API.</b> Everything a program needs is in this package; every other package of
 * gan4j's modules (core, cli, bench, perf) is internal and may change between versions. The SPI for plugins
 * is {@code gan-api} ({@code org.gan4j.api}), whose {@link org.gan4j.api.train.TrainingListener} and
 * {@link org.gan4j.api.train.RunSummary} this API passes through.
 *
 * <ul>
 *   <li>{@link org.gan4j.library.Gan4j}: discovers the plugins; creates experiments and opens generators.</li>
 *   <li>{@link org.gan4j.library.Experiment}: a YAML experiment with overrides and listeners;
 *       {@code train()} returns a {@link org.gan4j.library.TrainingResult}; {@code cancel()} from another
 *       thread stops the run with a checkpoint, as SIGINT does.</li>
 *   <li>{@link org.gan4j.library.ExperimentBuilder}: the same config built in code.</li>
 *   <li>{@link org.gan4j.library.TrainedGenerator}: a generator from a run, a checkpoint or an export;
 *       samples as float arrays or images; {@code export(dir)} writes the engine-neutral export
 *       ({@link org.gan4j.library.GeneratorManifest}).</li>
 *   <li>{@link org.gan4j.library.LatentInterpolation}: linear and spherical paths between latent vectors.</li>
 *   <li>{@link org.gan4j.library.GeneratorException} and its subclasses: bad input, one line each.</li>
 * </ul>
 *
 * <p>Maven: import {@code org.gan4j:gan4j-bom} and depend on {@code gan-library} plus an engine
 * module, {@code gan-engine-mxnet} or {@code gan-engine-pytorch} (each brings its DJL engine and native library).
 */
package org.gan4j.library;
