package org.gan4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-variant statistics over seeds: mean, standard error of the mean, and the best seed. */
public final class Aggregation {
    private Aggregation() {}

    /**
     * Mean ± standard error of the finite values.
     *
     * @param n how many values were finite
     * @param mean their mean (NaN when none)
     * @param standardError sample standard deviation (n − 1) / √n (NaN when n &lt; 2)
     */
    public record Stat(int n, double mean, double standardError) {}

    /**
     * One variant's summary.
     *
     * @param variant the variant's name (its labels without the seed)
     * @param labels axis -> label, seed axis excluded
     * @param members every member of the variant
     * @param complete how many of them completed
     * @param finals metric -> statistics of the final values over the completed seeds
     * @param bestSeed the seed label whose final value of the first metric is best (empty if none)
     * @param bestSeedValue that value
     */
    public record VariantSummary(String variant, Map<String, String> labels, List<MemberResult> members,
            int complete, Map<String, Stat> finals, String bestSeed, double bestSeedValue) {}

    public static Stat stat(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Stat(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Stat(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stat(n, mean, Math.sqrt(ss / (n - 1)) / Math.sqrt(n));
    }

    /** Groups results by variant (in first-seen order) and summarises each over its completed seeds. */
    public static List<VariantSummary> summarise(List<MemberResult> results, List<Suite.MetricSpec> metrics,
            String seedKey) {
        Map<String, List<MemberResult>> byVariant = new LinkedHashMap<>();
        for (MemberResult r : results) {
            byVariant.computeIfAbsent(r.member().variant(), k -> new ArrayList<>()).add(r);
        }
        List<VariantSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<MemberResult>> e : byVariant.entrySet()) {
            List<MemberResult> done = e.getValue().stream().filter(MemberResult::complete).toList();
            Map<String, Stat> finals = new LinkedHashMap<>();
            for (Suite.MetricSpec m : metrics) {
                finals.put(m.name(), stat(done.stream().mapToDouble(r -> r.finals().getOrDefault(m.name(), Double.NaN))
                        .toArray()));
            }
            String bestSeed = "";
            double bestValue = Double.NaN;
            if (!metrics.isEmpty()) {
                Suite.MetricSpec primary = metrics.get(0);
                for (MemberResult r : done) {
                    double v = r.finals().getOrDefault(primary.name(), Double.NaN);
                    if (Double.isFinite(v) && (bestSeed.isEmpty()
                            || (primary.higherIsBetter() ? v > bestValue : v < bestValue))) {
                        bestSeed = r.member().seedLabel();
                        bestValue = v;
                    }
                }
            }
            Map<String, String> labels = new LinkedHashMap<>(e.getValue().get(0).member().labels());
            labels.remove(seedKey);
            out.add(new VariantSummary(e.getKey(), labels, e.getValue(), done.size(), finals, bestSeed, bestValue));
        }
        return out;
    }
}
