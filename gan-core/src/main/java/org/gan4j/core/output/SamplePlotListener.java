package org.gan4j.core.output;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gan4j.api.conditional.ConditionalSamples;
import org.gan4j.api.data.GaussianMixture;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.support.AtomicFiles;
import org.gan4j.api.train.RunInfo;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.core.run.RunDirectory;
import org.gan4j.core.output.Charts.Line;

/**
 * At each evaluation, draws real against generated samples for 1-D data (histograms, with the true
 * density when known) and 2-D data (scatter), or a grid of generated images from the fixed
 * evaluation noise for (C, H, W) data: {@code samples-stepNNNNNN.png}, and {@code samples.png} as the
 * latest. A conditional run gets before/after grids on held-out conditions instead (condition,
 * baseline, output, target per row), or one row per class for a class-conditional task.
 */
public final class SamplePlotListener implements TrainingListener {
    private static final int GRID = 64;
    private final int samples;
    private int dimension;
    private long[] imageShape;

    public SamplePlotListener(int samples) {
        this.samples = samples;
    }

    @Override
    public void onStart(RunInfo run) {
        dimension = run.sampleDimension();
        long[] shape = run.sampleShape().getShape();
        imageShape = shape.length == 3 && (shape[0] == 1 || shape[0] == 3) ? shape : null;
    }

    @Override
    public void onEvaluation(EvalContext context, Map<String, Double> results) {
        if (imageShape != null && context.conditionalSamples(samples).isPresent()) {
            drawConditional(context);
            return;
        }
        if (imageShape != null) {
            drawGrid(context);
            return;
        }
        if (dimension != 1 && dimension != 2) {
            return;
        }
        float[] fake = context.generate(samples).toFloatArray();
        float[] real = context.realSamples(samples).toFloatArray();
        Path file = context.outputDir().resolve(String.format("samples-step%06d.png", context.step()));
        String title = "real vs generated, step " + context.step();
        try {
            if (dimension == 2) {
                Charts.scatter2d(file, title, real, fake);
            } else {
                Line density = context.data().knownMixture().map(m -> densityLine(m, real)).orElse(null);
                Charts.histogram1d(file, title, real, fake, density);
            }
            Files.copy(file, context.outputDir().resolve(RunDirectory.SAMPLES), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void drawGrid(EvalContext context) {
        int n = Math.min(GRID, samples);
        float[] all = context.generate(samples).toFloatArray();
        float[] first = java.util.Arrays.copyOf(all, n * dimension);
        Path file = context.outputDir().resolve(String.format("samples-step%06d.png", context.step()));
        try {
            ImageGrid.write(file, first, n, (int) imageShape[0], (int) imageShape[1], (int) imageShape[2],
                    (int) Math.ceil(Math.sqrt(n)));
            Files.copy(file, context.outputDir().resolve(RunDirectory.SAMPLES), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Image-to-image tasks: one row per held-out example with the columns condition, baseline,
     * output, target. Class-conditional: one row per class, eight samples each.
     */
    private void drawConditional(EvalContext context) {
        ConditionalSamples first = context.conditionalSamples(samples).orElseThrow();
        // A class-conditional grid shows eight per class: evaluation pairs are ordered by class.
        ConditionalSamples shown = first.numClasses() > 0
                ? context.conditionalSamples(first.numClasses() * CLASS_COLUMNS).orElseThrow() : first;
        Path file = context.outputDir().resolve(String.format("samples-step%06d.png", context.step()));
        try {
            writeConditionalGrid(file, shown, imageShape, Math.min(8, samples));
            Files.copy(file, context.outputDir().resolve(RunDirectory.SAMPLES), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static final int CLASS_COLUMNS = 8;

    /**
     * Writes a conditional run's grid: image tasks get one row per example ({@code rows} of them) with the
     * columns condition, baseline, output, target (those the task has); class-conditional samples, ordered
     * by class (n/K of each), are drawn one class per row.
     *
     * @param imageShape (C, H, W) of the targets
     */
    public static void writeConditionalGrid(Path file, ConditionalSamples s, long[] imageShape, int rows)
            throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(conditionalGrid(s, imageShape, rows), "png", png);
        AtomicFiles.write(file, png.toByteArray());
    }

    /** {@link #writeConditionalGrid} as an image. */
    public static java.awt.image.BufferedImage conditionalGrid(ConditionalSamples s, long[] imageShape, int rows) {
        int dimension = Math.toIntExact(imageShape[0] * imageShape[1] * imageShape[2]);
        float[] pixels;
        int columns;
        List<String> titles = new ArrayList<>();
        if (s.numClasses() > 0) {
            columns = Math.max(1, Math.toIntExact(s.output().getShape().get(0)) / s.numClasses());
            pixels = s.output().toFloatArray();
        } else {
            rows = Math.min(rows, Math.toIntExact(s.output().getShape().get(0)));
            List<float[]> images = new ArrayList<>();
            addColumn(images, titles, s.preview(), "condition", rows, dimension);
            addColumn(images, titles, s.baseline(), "baseline", rows, dimension);
            addColumn(images, titles, s.output(), "output", rows, dimension);
            addColumn(images, titles, s.target(), "target", rows, dimension);
            columns = images.size();
            pixels = new float[rows * columns * dimension];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    System.arraycopy(images.get(c), r * dimension, pixels, (r * columns + c) * dimension, dimension);
                }
            }
        }
        return ImageGrid.render(pixels, pixels.length / dimension, (int) imageShape[0], (int) imageShape[1],
                (int) imageShape[2], columns, titles);
    }

    private static void addColumn(List<float[]> images, List<String> titles, NDArray batch, String title, int rows,
            int dimension) {
        if (batch == null) {
            return;
        }
        float[] first = batch.get(new NDIndex("0:{}", rows)).toFloatArray();
        if (first.length != rows * dimension) {
            throw new IllegalStateException("the task's " + title + " images have shape " + batch.getShape()
                    + " but a target has " + dimension + " values; grids need every column in the target's shape");
        }
        images.add(first);
        titles.add(title);
    }

    private static Line densityLine(GaussianMixture mixture, float[] real) {
        double[] range = Charts.bounds(real, 0.5);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = range[0] + (range[1] - range[0]) * i / (n - 1);
            y[i] = mixture.density(new double[] {x[i]});
        }
        return new Line("p_data", x, y);
    }
}
