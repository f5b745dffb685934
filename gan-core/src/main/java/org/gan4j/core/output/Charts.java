package org.gan4j.core.output;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.gan4j.api.support.AtomicFiles;

/** PNG charts (XChart) of samples and curves, written atomically. */
public final class Charts {
    private static final Color REAL = new Color(60, 110, 180);
    private static final Color FAKE = new Color(220, 70, 40);

    private Charts() {}

    /** One named line of a chart. */
    public record Line(String name, double[] x, double[] y) {}

    /** A scatter plot of real and generated 2-D samples on shared axes. */
    public static void scatter2d(Path file, String title, float[] real, float[] fake) throws IOException {
        save(scatterChart(title, real, fake), file);
    }

    /** {@link #scatter2d} as an image. */
    public static java.awt.image.BufferedImage scatter2dImage(String title, float[] real, float[] fake) {
        return BitmapEncoder.getBufferedImage(scatterChart(title, real, fake));
    }

    private static XYChart scatterChart(String title, float[] real, float[] fake) {
        XYChart chart = base(title, "x1", "x2", 640, 640);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setSeriesColors(new Color[] {REAL, FAKE}); // legend colours follow the palette
        addPoints(chart, "real", real, REAL);
        addPoints(chart, "generated", fake, FAKE);
        double[] bounds = bounds(real.length > 0 ? real : fake, 0.25);
        chart.getStyler().setXAxisMin(bounds[0]).setXAxisMax(bounds[1]).setYAxisMin(bounds[0]).setYAxisMax(bounds[1]);
        return chart;
    }

    /** Histogram densities of real and generated 1-D samples, with the true density when known. */
    public static void histogram1d(Path file, String title, float[] real, float[] fake, Line trueDensity)
            throws IOException {
        save(histogramChart(title, real, fake, trueDensity), file);
    }

    /** {@link #histogram1d} as an image. */
    public static java.awt.image.BufferedImage histogram1dImage(String title, float[] real, float[] fake,
            Line trueDensity) {
        return BitmapEncoder.getBufferedImage(histogramChart(title, real, fake, trueDensity));
    }

    private static XYChart histogramChart(String title, float[] real, float[] fake, Line trueDensity) {
        double[] range = bounds(real, 0.5);
        int bins = 60;
        XYChart chart = base(title, "x", "density", 800, 500);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        addLine(chart, histogram("real", real, range, bins), REAL);
        addLine(chart, histogram("generated", fake, range, bins), FAKE);
        if (trueDensity != null) {
            XYSeries s = addLine(chart, trueDensity, Color.DARK_GRAY);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]);
        return chart;
    }

    /** Curves over training steps. */
    public static void lines(Path file, String title, String yTitle, List<Line> lines) throws IOException {
        XYChart chart = base(title, "step", yTitle, 800, 500);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        Color[] palette = {REAL, FAKE, new Color(40, 150, 80), new Color(140, 80, 170), Color.DARK_GRAY};
        int i = 0;
        for (Line line : lines) {
            addLine(chart, line, palette[i++ % palette.length]);
        }
        save(chart, file);
    }

    /**
     * Renders a tiny chart once. Java2D registers JVM shutdown hooks when first used, which fails once a
     * shutdown (SIGINT/SIGTERM) is in progress — so a run warms it up before training, not at the end.
     */
    public static void warmUp() {
        try {
            lines(null, "warm-up", "y", List.of(new Line("warm-up", new double[] {0, 1}, new double[] {0, 1})));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static XYChart base(String title, String x, String y, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        return chart;
    }

    private static XYSeries addLine(XYChart chart, Line line, Color color) {
        XYSeries s = chart.addSeries(line.name(), line.x(), line.y());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        return s;
    }

    private static void addPoints(XYChart chart, String name, float[] xy, Color color) {
        int n = xy.length / 2;
        if (n == 0) {
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        Color translucent = new Color(color.getRed(), color.getGreen(), color.getBlue(), 120);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(translucent);
        s.setLineColor(translucent);
        s.setFillColor(translucent);
    }

    /** A density histogram as a step line. */
    static Line histogram(String name, float[] values, double[] range, int bins) {
        double width = (range[1] - range[0]) / bins;
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        int inside = 0;
        for (float v : values) {
            int b = (int) Math.floor((v - range[0]) / width);
            if (b >= 0 && b < bins) {
                y[b]++;
                inside++;
            }
        }
        for (int b = 0; b <= bins; b++) {
            x[b] = range[0] + b * width;
            y[b] = values.length == 0 ? 0 : y[b] / (values.length * width);
        }
        y[bins] = y[bins - 1]; // closes the last step
        return new Line(name + (inside < values.length ? " (" + (values.length - inside) + " outside)" : ""), x, y);
    }

    /** [min, max] of the values widened by {@code margin} of the span on each side. */
    static double[] bounds(float[] values, double margin) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            min = Double.isFinite(min) ? min - 1 : -1;
            max = min + 2;
        }
        double pad = (max - min) * margin;
        return new double[] {min - pad, max + pad};
    }

    private static void save(XYChart chart, Path file) throws IOException {
        if (file == null) {
            BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG); // warm-up only
            return;
        }
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
