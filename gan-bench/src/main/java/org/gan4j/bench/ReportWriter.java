package org.gan4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gan4j.api.support.AtomicFiles;

/**
 * Writes a suite's outputs into its bench directory: {@code results.csv} (one row per member),
 * {@code summary.csv} (one row per variant), {@code report.md}, a self-contained {@code report.html}
 * (charts and samples embedded as data URIs, no scripts) and the charts as PNGs under {@code report/}.
 * Both reports render one {@link ReportModel}.
 */
public final class ReportWriter {
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
        ReportModel model = model(command, benchSeconds);
        ReportCharts.write(model);
        AtomicFiles.writeString(outDir.resolve("report.md"), MarkdownReport.render(model, outDir));
        Path html = outDir.resolve("report.html");
        AtomicFiles.writeString(html, HtmlReport.render(model));
        return html;
    }

    /** What report.md and report.html say. */
    ReportModel model(String command, double benchSeconds) {
        return ReportModel.of(outDir, suite, results, variants, command, benchSeconds);
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

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
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
}
