/**
 * The run-directory contract: what a run folder holds and the one type that reads and writes it,
 * {@link org.gan4j.core.run.RunDirectory}.
 *
 * <p>A run folder holds
 * <ul>
 *   <li>{@code gan4j-run.json}: the marker ({@link org.gan4j.core.run.RunMarker}), written when a run has
 *       started; its presence makes the folder a run. It lists the files plugins wrote (metric plots) so
 *       {@code --overwrite} can remove them and nothing else;
 *   <li>{@code config.yaml}: the resolved config, every default filled in;
 *   <li>{@code run.json}: what the run was built for ({@link org.gan4j.core.run.RunFacts});
 *   <li>{@code metrics.csv} (columns in {@link org.gan4j.core.run.MetricsCsv}) and {@code eval.csv}: one row
 *       per logged step / evaluation, read by header name with {@link org.gan4j.core.run.CsvTable};
 *   <li>{@code evaluation.json}: the latest evaluation with how each metric measured
 *       ({@link org.gan4j.core.run.EvaluationRecord});
 *   <li>{@code summary.json}: where the run stopped and its last numbers
 *       ({@link org.gan4j.core.run.RunSummaryFile});
 *   <li>{@code checkpoints/}, and with {@code output.plots} on: {@code losses.png}, {@code discriminator.png},
 *       {@code samples.png}, {@code samples-stepNNNNNN.png}, and the plots metrics draw.
 * </ul>
 */
package org.gan4j.core.run;
