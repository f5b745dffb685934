package org.gan4j.bench;

import java.nio.file.Path;
import java.util.Locale;

/** Renders a {@link ReportModel} as {@code report.md}: images are referenced by their path under the bench folder. */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(ReportModel model, Path outDir) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: ").append(model.title()).append("\n\n");
        if (!model.description().isBlank()) {
            md.append(model.description()).append("\n\n");
        }
        md.append("```\n").append(model.command()).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "%d of %d members complete; this invocation took %.0f s. "
                + "Values are final evaluations, mean ± standard error over seeds (n = seeds with a value); "
                + "per-run numbers are in `results.csv`, these in `summary.csv`.%n%n", model.complete(),
                model.total(), model.benchSeconds()));
        md.append("| | variant | seeds |");
        for (Suite.MetricSpec m : model.metrics()) {
            md.append(' ').append(m.name()).append(" (").append(m.direction()).append(") |");
        }
        md.append(" best seed |\n|---|---|---|");
        md.append("---|".repeat(model.metrics().size())).append("---|\n");
        for (ReportModel.SummaryRow row : model.summary()) {
            md.append("| ").append(row.shortName()).append(" | ").append(row.variant()).append(" | ")
                    .append(row.seeds()).append(" |");
            row.finals().forEach(f -> md.append(' ').append(f).append(" |"));
            md.append(' ').append(row.bestSeed()).append(" |\n");
        }
        md.append('\n');
        if (!model.refusals().isEmpty()) {
            md.append("## Not compared\n\n");
            model.refusals().forEach(r -> md.append("- ").append(r).append('\n'));
            md.append('\n');
        }
        if (!model.incomplete().isEmpty()) {
            md.append("## Not complete\n\n");
            for (ReportModel.Incomplete r : model.incomplete()) {
                md.append("- `").append(r.member()).append("`: ").append(r.status())
                        .append(r.error().isEmpty() ? "" : " — " + r.error()).append('\n');
            }
            md.append('\n');
        }
        if (!model.bars().isEmpty()) {
            md.append("## Final metrics\n\n");
            model.bars().forEach(b -> md.append("![](").append(rel(outDir, b.file())).append(")\n"));
            md.append('\n');
        }
        md.append("## Per variant\n\n");
        for (ReportModel.VariantSection v : model.variants()) {
            md.append("### ").append(v.shortName()).append(": ").append(v.variant()).append("\n\n");
            for (ReportModel.CurveChart c : v.curves()) {
                md.append("<img src=\"").append(rel(outDir, c.file())).append("\" width=\"32%\"> ");
            }
            md.append("\n\n");
            for (ReportModel.Sample s : v.samples()) {
                md.append("<img src=\"").append(rel(outDir, s.png())).append("\" width=\"19%\" title=\"seed ")
                        .append(s.seedLabel()).append("\"> ");
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    private static String rel(Path outDir, Path p) {
        return outDir.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }
}
