package org.gan4j.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gan4j.core.output.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a suite's outputs into its bench directory: {@code results.csv} (one row per member),
 * {@code summary.csv} (one row per variant), {@code report.md}, a self-contained {@code report.html}
 * (charts and samples embedded as data URIs, no scripts) and the charts as PNGs under {@code report/}.
 */
public final class ReportWriter {
    private static final Color[] PALETTE = {new Color(60, 110, 180), new Color(220, 70, 40), new Color(40, 150, 80),
        new Color(140, 80, 170), new Color(200, 150, 20), new Color(30, 160, 170), Color.DARK_GRAY,
        new Color(230, 110, 170)};

    private final Path outDir;
    private final Suite suite;
    private final List<MemberResult> results;
    private final List<Aggregation.VariantSummary> variants;
    private final List<String> axes;

    public ReportWriter(Path outDir, Suite suite, List<MemberResult> results) {
        this.outDir = outDir;
        this.suite = suite;
        this.results = List.copyOf(results);
        this.variants = Aggregation.summarise(results, suite.metrics(), suite.seedKey());
        Set<String> keys = new LinkedHashSet<>();
        results.forEach(r -> keys.addAll(r.member().labels().keySet()));
        this.axes = List.copyOf(keys);
    }

    public List<Aggregation.VariantSummary> variants() {
        return variants;
    }

    /** Writes every output; returns the path of report.html. */
    public Path write(String command, double benchSeconds) throws IOException {
        Files.createDirectories(outDir.resolve("report"));
        AtomicFiles.writeString(outDir.resolve("results.csv"), resultsCsv());
        AtomicFiles.writeString(outDir.resolve("summary.csv"), summaryCsv());
        Map<String, Path> bars = new LinkedHashMap<>();
        for (Suite.MetricSpec m : suite.metrics()) {
            Path file = outDir.resolve("report").resolve("bar-" + safe(m.name()) + ".png");
            if (barChart(file, m)) {
                bars.put(m.name(), file);
            }
        }
        Map<String, Map<String, Path>> curves = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            Map<String, Path> perMetric = new LinkedHashMap<>();
            for (Suite.MetricSpec m : suite.metrics()) {
                Path file = outDir.resolve("report").resolve("curve-v" + (v + 1) + "-" + safe(m.name()) + ".png");
                if (curveChart(file, vs, m)) {
                    perMetric.put(m.name(), file);
                }
            }
            curves.put(vs.variant(), perMetric);
        }
        AtomicFiles.writeString(outDir.resolve("report.md"), markdown(command, benchSeconds, bars, curves));
        Path html = outDir.resolve("report.html");
        AtomicFiles.writeString(html, html(command, benchSeconds, bars, curves));
        return html;
    }

    String resultsCsv() {
        List<String> header = new ArrayList<>(List.of("member", "status", "variant"));
        List<String> variantAxes = axes.stream().filter(a -> !a.equals(suite.seedKey())).toList();
        header.addAll(variantAxes);
        header.addAll(List.of("seed", "base", "steps", "target_steps", "wall_seconds", "process_seconds"));
        for (Suite.MetricSpec m : suite.metrics()) {
            header.add("final_" + m.name());
            header.add("best_" + m.name());
            header.add("best_" + m.name() + "_step");
        }
        // Every column the members' metrics.csv files have (a conditional run's g_recon too), last logged row.
        Set<String> logged = new LinkedHashSet<>();
        results.forEach(r -> logged.addAll(r.lastLogged().keySet()));
        logged.forEach(c -> header.add("last_" + c));
        header.addAll(List.of("run_dir", "error"));
        StringBuilder sb = new StringBuilder(csvRow(header));
        for (MemberResult r : results) {
            List<String> row = new ArrayList<>(List.of(r.member().id(), r.status().word(), r.member().variant()));
            for (String a : variantAxes) {
                row.add(r.member().labels().getOrDefault(a, ""));
            }
            row.add(r.member().seedLabel());
            row.add(r.member().base().toString());
            row.add(r.complete() ? Long.toString(r.steps()) : "");
            row.add(Long.toString(r.member().targetSteps()));
            row.add(num(r.wallSeconds()));
            row.add(num(r.processSeconds()));
            for (Suite.MetricSpec m : suite.metrics()) {
                row.add(num(r.finals().getOrDefault(m.name(), Double.NaN)));
                row.add(num(r.bests().getOrDefault(m.name(), Double.NaN)));
                Long step = r.bestSteps().get(m.name());
                row.add(step == null ? "" : step.toString());
            }
            logged.forEach(c -> row.add(num(r.lastLogged().getOrDefault(c, Double.NaN))));
            row.add(outDir.relativize(r.runDir()).toString());
            row.add(r.error());
            sb.append(csvRow(row));
        }
        return sb.toString();
    }

    String summaryCsv() {
        List<String> header = new ArrayList<>(List.of("variant"));
        List<String> variantAxes = axes.stream().filter(a -> !a.equals(suite.seedKey())).toList();
        header.addAll(variantAxes);
        header.addAll(List.of("members", "complete"));
        for (Suite.MetricSpec m : suite.metrics()) {
            header.add(m.name() + "_mean");
            header.add(m.name() + "_se");
            header.add(m.name() + "_n");
        }
        header.addAll(List.of("best_seed", "best_seed_value"));
        StringBuilder sb = new StringBuilder(csvRow(header));
        for (Aggregation.VariantSummary v : variants) {
            List<String> row = new ArrayList<>(List.of(v.variant()));
            for (String a : variantAxes) {
                row.add(v.labels().getOrDefault(a, ""));
            }
            row.add(Integer.toString(v.members().size()));
            row.add(Integer.toString(v.complete()));
            for (Suite.MetricSpec m : suite.metrics()) {
                Aggregation.Stat s = v.finals().get(m.name());
                row.add(num(s.mean()));
                row.add(num(s.standardError()));
                row.add(Integer.toString(s.n()));
            }
            row.add(v.bestSeed());
            row.add(num(v.bestSeedValue()));
            sb.append(csvRow(row));
        }
        return sb.toString();
    }

    private boolean barChart(Path file, Suite.MetricSpec m) throws IOException {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.Stat s = variants.get(v).finals().get(m.name());
            if (Double.isFinite(s.mean())) {
                names.add(shortName(v));
                means.add(s.mean());
                errors.add(Double.isFinite(s.standardError()) ? s.standardError() : 0.0);
            }
        }
        if (names.isEmpty()) {
            return false;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(480, 90 * names.size() + 160)).height(380)
                .title(m.name() + ": final, mean ± s.e. (" + m.direction() + " better)")
                .xAxisTitle("variant").yAxisTitle(m.name()).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setSeriesColors(new Color[] {PALETTE[0]});
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        if (names.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        chart.addSeries(m.name(), names, means, errors);
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return true;
    }

    private boolean curveChart(Path file, Aggregation.VariantSummary v, Suite.MetricSpec m) throws IOException {
        XYChart chart = new XYChartBuilder().width(440).height(300).title(m.name()).xAxisTitle("step")
                .yAxisTitle(m.name()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        int i = 0;
        for (MemberResult r : v.members()) {
            MemberResult.Curve c = r.curves().get(m.name());
            if (c == null) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < c.steps().length; k++) {
                if (Double.isFinite(c.values()[k]) && Double.isFinite(c.steps()[k])) {
                    xs.add(c.steps()[k]);
                    ys.add(c.values()[k]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries("seed " + r.member().seedLabel(), xs, ys);
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setMarkerColor(PALETTE[i % PALETTE.length]);
            s.setMarker(xs.size() <= 12 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            i++;
        }
        if (i == 0) {
            return false;
        }
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return true;
    }

    /** V1, V2, ... (the tables map them to the full variant names). */
    private String shortName(int v) {
        return "V" + (v + 1);
    }

    private int completeCount() {
        return (int) results.stream().filter(MemberResult::complete).count();
    }

    private List<MemberResult> failed() {
        return results.stream().filter(r -> !r.complete()).toList();
    }

    String markdown(String command, double benchSeconds, Map<String, Path> bars, Map<String, Map<String, Path>> curves) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: ").append(suite.name()).append("\n\n");
        if (!suite.description().isBlank()) {
            md.append(suite.description().trim()).append("\n\n");
        }
        md.append("```\n").append(command).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "%d of %d members complete; this invocation took %.0f s. "
                + "Values are final evaluations, mean ± standard error over seeds (n = seeds with a value); "
                + "per-run numbers are in `results.csv`, these in `summary.csv`.%n%n", completeCount(), results.size(),
                benchSeconds));
        md.append("| | variant | seeds |");
        for (Suite.MetricSpec m : suite.metrics()) {
            md.append(' ').append(m.name()).append(" (").append(m.direction()).append(") |");
        }
        md.append(" best seed |\n|---|---|---|");
        md.append("---|".repeat(suite.metrics().size())).append("---|\n");
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            md.append("| ").append(shortName(v)).append(" | ").append(vs.variant()).append(" | ")
                    .append(vs.complete()).append('/').append(vs.members().size()).append(" |");
            for (Suite.MetricSpec m : suite.metrics()) {
                md.append(' ').append(format(vs.finals().get(m.name()))).append(" |");
            }
            md.append(' ').append(bestSeed(vs)).append(" |\n");
        }
        md.append('\n');
        if (!failed().isEmpty()) {
            md.append("## Not complete\n\n");
            for (MemberResult r : failed()) {
                md.append("- `").append(r.member().id()).append("`: ").append(r.status().word())
                        .append(r.error().isEmpty() ? "" : " — " + r.error()).append('\n');
            }
            md.append('\n');
        }
        if (!bars.isEmpty()) {
            md.append("## Final metrics\n\n");
            bars.values().forEach(p -> md.append("![](").append(rel(p)).append(")\n"));
            md.append('\n');
        }
        md.append("## Per variant\n\n");
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            md.append("### ").append(shortName(v)).append(": ").append(vs.variant()).append("\n\n");
            for (Path p : curves.getOrDefault(vs.variant(), Map.of()).values()) {
                md.append("<img src=\"").append(rel(p)).append("\" width=\"32%\"> ");
            }
            md.append("\n\n");
            for (MemberResult r : vs.members()) {
                Path samples = r.runDir().resolve("samples.png");
                if (Files.isRegularFile(samples)) {
                    md.append("<img src=\"").append(rel(samples)).append("\" width=\"19%\" title=\"seed ")
                            .append(r.member().seedLabel()).append("\"> ");
                }
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    String html(String command, double benchSeconds, Map<String, Path> bars, Map<String, Map<String, Path>> curves)
            throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark: ")
                .append(esc(suite.name())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:12px 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;font-size:14px}")
                .append("td.l,th.l{text-align:left}th{background:#f0f0f0}")
                .append("pre{background:#f6f6f6;padding:8px;overflow-x:auto}")
                .append(".row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}")
                .append(".row figure{margin:0}.row figcaption{font-size:12px;text-align:center}")
                .append(".samples img{width:220px}.bad{color:#b00}")
                .append("\n</style></head><body>\n");
        h.append("<h1>Benchmark: ").append(esc(suite.name())).append("</h1>\n");
        if (!suite.description().isBlank()) {
            h.append("<p>").append(esc(suite.description().trim())).append("</p>\n");
        }
        h.append("<pre>").append(esc(command)).append("</pre>\n");
        h.append(String.format(Locale.ROOT, "<p>%d of %d members complete; this invocation took %.0f s. Values are "
                + "final evaluations, mean ± standard error over seeds (n = seeds with a value).</p>%n",
                completeCount(), results.size(), benchSeconds));
        h.append("<h2>Summary</h2>\n<table><tr><th></th><th class=\"l\">variant</th><th>seeds</th>");
        for (Suite.MetricSpec m : suite.metrics()) {
            h.append("<th>").append(esc(m.name())).append(" (").append(m.direction()).append(")</th>");
        }
        h.append("<th>best seed</th></tr>\n");
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            h.append("<tr><td class=\"l\">").append(shortName(v)).append("</td><td class=\"l\">")
                    .append(esc(vs.variant())).append("</td><td>").append(vs.complete()).append('/')
                    .append(vs.members().size()).append("</td>");
            for (Suite.MetricSpec m : suite.metrics()) {
                h.append("<td>").append(esc(format(vs.finals().get(m.name())))).append("</td>");
            }
            h.append("<td>").append(esc(bestSeed(vs))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!failed().isEmpty()) {
            h.append("<h2 class=\"bad\">Not complete</h2>\n<ul>\n");
            for (MemberResult r : failed()) {
                h.append("<li><code>").append(esc(r.member().id())).append("</code>: ").append(r.status().word())
                        .append(r.error().isEmpty() ? "" : " — " + esc(r.error())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!bars.isEmpty()) {
            h.append("<h2>Final metrics</h2>\n<div class=\"row\">\n");
            for (Path p : bars.values()) {
                h.append(img(p, "")).append('\n');
            }
            h.append("</div>\n");
        }
        h.append("<h2>Per variant</h2>\n");
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            h.append("<h3>").append(shortName(v)).append(": ").append(esc(vs.variant())).append("</h3>\n");
            h.append("<div class=\"row\">\n");
            for (Path p : curves.getOrDefault(vs.variant(), Map.of()).values()) {
                h.append(img(p, "")).append('\n');
            }
            h.append("</div>\n<div class=\"row samples\">\n");
            for (MemberResult r : vs.members()) {
                Path samples = r.runDir().resolve("samples.png");
                if (Files.isRegularFile(samples)) {
                    h.append("<figure>").append(img(samples, "seed " + r.member().seedLabel()))
                            .append("<figcaption>seed ").append(esc(r.member().seedLabel())).append("</figcaption></figure>\n");
                }
            }
            h.append("</div>\n");
        }
        h.append("<h2>Runs</h2>\n<table><tr><th class=\"l\">member</th><th class=\"l\">status</th><th>steps</th>"
                + "<th>wall s</th>");
        for (Suite.MetricSpec m : suite.metrics()) {
            h.append("<th>").append(esc(m.name())).append("</th>");
        }
        h.append("</tr>\n");
        for (MemberResult r : results) {
            h.append("<tr><td class=\"l\">").append(esc(r.member().id())).append("</td><td class=\"l")
                    .append(r.complete() ? "" : " bad").append("\">").append(r.status().word()).append("</td><td>")
                    .append(r.complete() ? r.steps() : "").append("</td><td>").append(fmt(r.wallSeconds())).append("</td>");
            for (Suite.MetricSpec m : suite.metrics()) {
                h.append("<td>").append(fmt(r.finals().getOrDefault(m.name(), Double.NaN))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private String img(Path png, String alt) throws IOException {
        return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\">";
    }

    private static String bestSeed(Aggregation.VariantSummary vs) {
        return vs.bestSeed().isEmpty() ? "—" : vs.bestSeed() + " (" + fmt(vs.bestSeedValue()) + ")";
    }

    static String format(Aggregation.Stat s) {
        if (s == null || s.n() == 0) {
            return "—";
        }
        if (s.n() == 1) {
            return fmt(s.mean()) + " (n=1)";
        }
        return fmt(s.mean()) + " ± " + fmt(s.standardError()) + " (n=" + s.n() + ")";
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 || v == 0 ? "%.3f" : "%.3g", v);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private String rel(Path p) {
        return outDir.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static String csvRow(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                c = "\"" + c.replace("\"", "\"\"").replace('\n', ' ') + "\"";
            }
            sb.append(i == 0 ? "" : ",").append(c);
        }
        return sb.append('\n').toString();
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
