package org.gan4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Renders a {@link ReportModel} as a self-contained {@code report.html}: every image inline as a data URI,
 * no scripts, no external references, so the file can be mailed or opened from anywhere.
 */
final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}"
            + "table{border-collapse:collapse;margin:12px 0}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;font-size:14px}"
            + "td.l,th.l{text-align:left}th{background:#f0f0f0}"
            + "pre{background:#f6f6f6;padding:8px;overflow-x:auto}"
            + ".row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}"
            + ".row figure{margin:0}.row figcaption{font-size:12px;text-align:center}"
            + ".samples img{width:220px}.bad{color:#b00}";

    private HtmlReport() {}

    /** The page; reads the model's PNGs (its charts must have been written). */
    static String render(ReportModel model) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark: ")
                .append(esc(model.title())).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style></head><body>\n");
        h.append("<h1>Benchmark: ").append(esc(model.title())).append("</h1>\n");
        if (!model.description().isBlank()) {
            h.append("<p>").append(esc(model.description())).append("</p>\n");
        }
        h.append("<pre>").append(esc(model.command())).append("</pre>\n");
        h.append(String.format(Locale.ROOT, "<p>%d of %d members complete; this invocation took %.0f s. Values are "
                + "final evaluations, mean ± standard error over seeds (n = seeds with a value).</p>%n",
                model.complete(), model.total(), model.benchSeconds()));
        h.append("<h2>Summary</h2>\n<table><tr><th></th><th class=\"l\">variant</th><th>seeds</th>");
        for (Suite.MetricSpec m : model.metrics()) {
            h.append("<th>").append(esc(m.name())).append(" (").append(m.direction()).append(")</th>");
        }
        h.append("<th>best seed</th></tr>\n");
        for (ReportModel.SummaryRow row : model.summary()) {
            h.append("<tr><td class=\"l\">").append(row.shortName()).append("</td><td class=\"l\">")
                    .append(esc(row.variant())).append("</td><td>").append(row.seeds()).append("</td>");
            row.finals().forEach(f -> h.append("<td>").append(esc(f)).append("</td>"));
            h.append("<td>").append(esc(row.bestSeed())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!model.refusals().isEmpty()) {
            h.append("<h2 class=\"bad\">Not compared</h2>\n<ul>\n");
            model.refusals().forEach(r -> h.append("<li>").append(esc(r)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!model.incomplete().isEmpty()) {
            h.append("<h2 class=\"bad\">Not complete</h2>\n<ul>\n");
            for (ReportModel.Incomplete r : model.incomplete()) {
                h.append("<li><code>").append(esc(r.member())).append("</code>: ").append(r.status())
                        .append(r.error().isEmpty() ? "" : " — " + esc(r.error())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!model.bars().isEmpty()) {
            h.append("<h2>Final metrics</h2>\n<div class=\"row\">\n");
            for (ReportModel.BarChart b : model.bars()) {
                h.append(img(b.file(), "")).append('\n');
            }
            h.append("</div>\n");
        }
        h.append("<h2>Per variant</h2>\n");
        for (ReportModel.VariantSection v : model.variants()) {
            h.append("<h3>").append(v.shortName()).append(": ").append(esc(v.variant())).append("</h3>\n");
            h.append("<div class=\"row\">\n");
            for (ReportModel.CurveChart c : v.curves()) {
                h.append(img(c.file(), "")).append('\n');
            }
            h.append("</div>\n<div class=\"row samples\">\n");
            for (ReportModel.Sample s : v.samples()) {
                h.append("<figure>").append(img(s.png(), "seed " + s.seedLabel())).append("<figcaption>seed ")
                        .append(esc(s.seedLabel())).append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
        }
        h.append("<h2>Runs</h2>\n<table><tr><th class=\"l\">member</th><th class=\"l\">status</th><th>steps</th>"
                + "<th>wall s</th>");
        for (Suite.MetricSpec m : model.metrics()) {
            h.append("<th>").append(esc(m.name())).append("</th>");
        }
        h.append("</tr>\n");
        for (ReportModel.RunRow r : model.runs()) {
            h.append("<tr><td class=\"l\">").append(esc(r.member())).append("</td><td class=\"l")
                    .append(r.complete() ? "" : " bad").append("\">").append(r.status()).append("</td><td>")
                    .append(r.steps()).append("</td><td>").append(r.wallSeconds()).append("</td>");
            r.finals().forEach(f -> h.append("<td>").append(f).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String img(Path png, String alt) throws IOException {
        return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\">";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
