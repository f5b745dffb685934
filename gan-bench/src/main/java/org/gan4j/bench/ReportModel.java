package org.gan4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bench report says, built once from the results and rendered by {@link MarkdownReport},
 * {@link HtmlReport} and (its charts) {@link ReportCharts}: the summary table, the members that did not
 * complete, one bar chart per metric (mean ± standard error per variant), per variant one metric-vs-step chart
 * per metric and the members' sample images, and the table of runs. Values are formatted here, so both
 * renderers show the same text.
 *
 * @param title the suite's name
 * @param description the suite's free text (may be empty)
 * @param command the command line that produced the report
 * @param complete how many members completed
 * @param total how many members the suite has
 * @param benchSeconds how long this invocation took
 * @param metrics the compared metrics, in the suite's order
 * @param summary one row per variant
 * @param incomplete the members that did not complete
 * @param bars one chart per metric that has a value somewhere
 * @param variants per variant: its curves and samples
 * @param runs one row per member
 * @param refusals why a metric's numbers are not compared (members measured it differently, {@link Measurements});
 *     such a metric shows "not comparable" in the summary and gets no bar chart
 */
public record ReportModel(String title, String description, String command, int complete, int total,
        double benchSeconds, List<Suite.MetricSpec> metrics, List<SummaryRow> summary, List<Incomplete> incomplete,
        List<BarChart> bars, List<VariantSection> variants, List<RunRow> runs, List<String> refusals) {

    /** What a summary cell of a metric measured differently across members says. */
    static final String NOT_COMPARABLE = "not comparable (see below)";

    /**
     * One variant in the summary table.
     *
     * @param shortName V1, V2, ... (the charts' labels)
     * @param variant the variant's name
     * @param seeds completed / all members of the variant
     * @param finals per metric: mean ± standard error (n), formatted
     * @param bestSeed the best seed of the first metric with its value, or a dash
     */
    public record SummaryRow(String shortName, String variant, String seeds, List<String> finals, String bestSeed) {}

    /** A member that did not complete: its status word and error (may be empty). */
    public record Incomplete(String member, String status, String error) {}

    /**
     * A metric's final values per variant as bars with error bars.
     *
     * @param file where the PNG goes
     * @param metric the metric
     * @param names the variants' short names (only variants with a value)
     * @param means their means
     * @param errors their standard errors (0 where undefined)
     */
    public record BarChart(Path file, Suite.MetricSpec metric, List<String> names, List<Double> means,
            List<Double> errors) {
        public String title() {
            return metric.name() + ": final, mean ± s.e. (" + metric.direction() + " better)";
        }
    }

    /** A metric over steps, one series per member (seed) of a variant. */
    public record CurveChart(Path file, String metric, List<Series> series) {}

    /** One line of a curve chart: finite points only. */
    public record Series(String label, List<Double> steps, List<Double> values) {}

    /** A member's sample image. */
    public record Sample(String seedLabel, Path png) {}

    /** A variant's part of the report. */
    public record VariantSection(String shortName, String variant, List<CurveChart> curves, List<Sample> samples) {}

    /**
     * A member in the runs table.
     *
     * @param steps the steps reached, empty when incomplete
     * @param wallSeconds formatted
     * @param finals per metric, formatted (empty when none)
     */
    public record RunRow(String member, String status, boolean complete, String steps, String wallSeconds,
            List<String> finals) {}

    /** The report of {@code results}, with its charts placed under {@code outDir/report/}. */
    public static ReportModel of(Path outDir, Suite suite, List<MemberResult> results,
            List<Aggregation.VariantSummary> variants, String command, double benchSeconds) {
        List<Suite.MetricSpec> metrics = suite.metrics();
        Path charts = outDir.resolve("report");
        List<String> refusals = new ArrayList<>();
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (Suite.MetricSpec m : metrics) {
            String why = Measurements.refusal(m.name(), results);
            if (why != null) {
                refusals.add(why);
                refused.add(m.name());
            }
        }
        List<SummaryRow> summary = new ArrayList<>();
        List<VariantSection> sections = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Aggregation.VariantSummary vs = variants.get(v);
            List<String> finals = metrics.stream().map(m -> refused.contains(m.name()) ? NOT_COMPARABLE
                    : format(vs.finals().get(m.name()))).toList();
            summary.add(new SummaryRow(shortName(v), vs.variant(), vs.complete() + "/" + vs.members().size(), finals,
                    vs.bestSeed().isEmpty() ? "—" : vs.bestSeed() + " (" + fmt(vs.bestSeedValue()) + ")"));
            List<CurveChart> curves = new ArrayList<>();
            for (Suite.MetricSpec m : metrics) {
                List<Series> series = series(vs.members(), m.name());
                if (!series.isEmpty()) {
                    curves.add(new CurveChart(charts.resolve("curve-v" + (v + 1) + "-" + safe(m.name()) + ".png"),
                            m.name(), series));
                }
            }
            List<Sample> samples = new ArrayList<>();
            for (MemberResult r : vs.members()) {
                Path png = r.runDir().resolve("samples.png");
                if (Files.isRegularFile(png)) {
                    samples.add(new Sample(r.member().seedLabel(), png));
                }
            }
            sections.add(new VariantSection(shortName(v), vs.variant(), curves, samples));
        }
        List<BarChart> bars = new ArrayList<>();
        for (Suite.MetricSpec m : metrics) {
            if (refused.contains(m.name())) {
                continue; // bars side by side would compare unlike numbers
            }
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
            if (!names.isEmpty()) {
                bars.add(new BarChart(charts.resolve("bar-" + safe(m.name()) + ".png"), m, names, means, errors));
            }
        }
        List<Incomplete> incomplete = results.stream().filter(r -> !r.complete())
                .map(r -> new Incomplete(r.member().id(), r.status().word(), r.error())).toList();
        List<RunRow> runs = results.stream().map(r -> new RunRow(r.member().id(), r.status().word(), r.complete(),
                r.complete() ? Long.toString(r.steps()) : "", fmt(r.wallSeconds()),
                metrics.stream().map(m -> fmt(r.finals().getOrDefault(m.name(), Double.NaN))).toList())).toList();
        int complete = (int) results.stream().filter(MemberResult::complete).count();
        return new ReportModel(suite.name(), suite.description().trim(), command, complete, results.size(),
                benchSeconds, metrics, summary, incomplete, bars, sections, runs, List.copyOf(refusals));
    }

    /** The runs of one metric over steps: one series per member that logged it with at least one finite point. */
    private static List<Series> series(List<MemberResult> members, String metric) {
        List<Series> series = new ArrayList<>();
        for (MemberResult r : members) {
            MemberResult.Curve c = r.curves().get(metric);
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
            if (!xs.isEmpty()) {
                series.add(new Series("seed " + r.member().seedLabel(), xs, ys));
            }
        }
        return series;
    }

    /** V1, V2, ... (the tables map them to the full variant names). */
    private static String shortName(int v) {
        return "V" + (v + 1);
    }

    /** Mean ± standard error (n), the mean alone for one value, a dash for none. */
    static String format(Aggregation.Stat s) {
        if (s == null || s.n() == 0) {
            return "—";
        }
        if (s.n() == 1) {
            return fmt(s.mean()) + " (n=1)";
        }
        return fmt(s.mean()) + " ± " + fmt(s.standardError()) + " (n=" + s.n() + ")";
    }

    /** Integers as integers, three decimals otherwise (three significant digits below 0.01), empty for NaN. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 || v == 0 ? "%.3f" : "%.3g", v);
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
