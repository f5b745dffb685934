package org.gan4j.metrics;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.gan4j.api.support.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart) of the diagnostics, written through a temporary file and a rename. */
final class Plots {
    static final Color[] PALETTE = {
        new Color(60, 110, 180), new Color(220, 70, 40), new Color(40, 150, 80), new Color(140, 80, 170),
        new Color(230, 160, 20), new Color(30, 170, 190), new Color(200, 60, 150), new Color(120, 90, 50),
        new Color(100, 100, 230), new Color(150, 180, 40)
    };
    static final Color LOW_QUALITY = new Color(150, 150, 150, 90);

    private Plots() {}

    /** A named curve; {@code guide} draws it as a thin pale guide line; {@code rightAxis} uses axis group 1. */
    record Line(String name, double[] x, double[] y, boolean guide, boolean rightAxis) {
        Line(String name, double[] x, double[] y) {
            this(name, x, y, false, false);
        }
    }

    /** Lines on shared axes (a second y axis on the right for lines with {@code rightAxis}). */
    static void lines(Path file, String title, String xTitle, String yTitle, String rightTitle, List<Line> lines)
            throws IOException {
        XYChart chart = base(title, xTitle, yTitle, 800, 500);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        int i = 0;
        for (Line line : lines) {
            if (line.x().length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(line.name(), line.x(), line.y());
            s.setMarker(line.x().length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            Color color = PALETTE[i++ % PALETTE.length];
            s.setLineColor(color);
            s.setMarkerColor(color);
            if (line.guide()) { // a guide: thin and pale (a dash pattern restarts on every short segment)
                Color pale = withAlpha(color, 110);
                s.setLineColor(pale);
                s.setMarkerColor(pale);
                s.setLineWidth(1.2f);
                s.setMarker(SeriesMarkers.NONE);
            }
            if (line.rightAxis()) {
                s.setYAxisGroup(1);
            }
        }
        if (lines.stream().anyMatch(Line::rightAxis)) {
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            chart.setYAxisGroupTitle(0, yTitle);
            chart.setYAxisGroupTitle(1, rightTitle);
        }
        save(chart, file);
    }

    /**
     * Samples coloured by a category (nearest mode); category -1 is drawn grey ("low quality"). 1-D
     * samples are drawn against their category index so the modes separate vertically.
     */
    static void categories(Path file, String title, float[] samples, int d, int[] category, int categories,
            double[][] centres) throws IOException {
        XYChart chart = base(title, "x1", d == 1 ? "nearest mode" : "x2", 640, 640);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendVisible(categories <= 12);
        int n = samples.length / d;
        for (int c = -1; c < categories; c++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (category[i] == c) {
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            double[] xs = new double[count];
            double[] ys = new double[count];
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (category[i] == c) {
                    xs[j] = samples[i * d];
                    ys[j] = d == 1 ? c + 0.3 * Math.sin(i * 12.9898) : samples[i * d + 1]; // fixed jitter in 1-D
                    j++;
                }
            }
            XYSeries s = chart.addSeries(c < 0 ? "low quality" : "mode " + c, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color color = c < 0 ? LOW_QUALITY : withAlpha(PALETTE[c % PALETTE.length], 150);
            s.setMarkerColor(color);
        }
        if (centres != null && centres.length > 0) {
            double[] xs = new double[centres.length];
            double[] ys = new double[centres.length];
            for (int m = 0; m < centres.length; m++) {
                xs[m] = centres[m][0];
                ys[m] = d == 1 ? m : centres[m][1];
            }
            XYSeries s = chart.addSeries("mode centres", xs, ys);
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(Color.BLACK);
        }
        save(chart, file);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static XYChart base(String title, String x, String y, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        chart.getStyler().setYAxisDecimalPattern("#0.###");
        return chart;
    }

    /** Writes the chart as PNG via a temporary sibling and a rename. */
    static void save(XYChart chart, Path file) throws IOException {
        write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Writes {@code bytes} atomically (temporary sibling, then rename). */
    static void write(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
    }

    /** Writes the chart to {@code name-stepNNNNNN.png} and copies it to {@code name.png} (the latest). */
    static Path saveWithLatest(Path dir, String name, long step, PlotWriter writer) throws IOException {
        Path file = dir.resolve(String.format("%s-step%06d.png", name, step));
        writer.write(file);
        Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Draws into a file. */
    @FunctionalInterface
    interface PlotWriter {
        void write(Path file) throws IOException;
    }
}
