package org.gan4j.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import org.gan4j.api.support.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a report model's charts as PNGs, at the paths the model gives them. */
final class ReportCharts {
    private static final Color[] PALETTE = {new Color(60, 110, 180), new Color(220, 70, 40), new Color(40, 150, 80),
        new Color(140, 80, 170), new Color(200, 150, 20), new Color(30, 160, 170), Color.DARK_GRAY,
        new Color(230, 110, 170)};

    private ReportCharts() {}

    /** Writes every bar chart, then every variant's curves. */
    static void write(ReportModel model) throws IOException {
        for (ReportModel.BarChart bar : model.bars()) {
            write(bar);
        }
        for (ReportModel.VariantSection v : model.variants()) {
            for (ReportModel.CurveChart curve : v.curves()) {
                write(curve);
            }
        }
    }

    private static void write(ReportModel.BarChart bar) throws IOException {
        String metric = bar.metric().name();
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(480, 90 * bar.names().size() + 160))
                .height(380).title(bar.title()).xAxisTitle("variant").yAxisTitle(metric).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setSeriesColors(new Color[] {PALETTE[0]});
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        if (bar.names().size() > 4) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        chart.addSeries(metric, bar.names(), bar.means(), bar.errors());
        Files.createDirectories(bar.file().getParent());
        AtomicFiles.write(bar.file(), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    private static void write(ReportModel.CurveChart curve) throws IOException {
        XYChart chart = new XYChartBuilder().width(440).height(300).title(curve.metric()).xAxisTitle("step")
                .yAxisTitle(curve.metric()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (int i = 0; i < curve.series().size(); i++) {
            ReportModel.Series line = curve.series().get(i);
            XYSeries s = chart.addSeries(line.label(), line.steps(), line.values());
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setMarkerColor(PALETTE[i % PALETTE.length]);
            s.setMarker(line.steps().size() <= 12 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        Files.createDirectories(curve.file().getParent());
        AtomicFiles.write(curve.file(), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
