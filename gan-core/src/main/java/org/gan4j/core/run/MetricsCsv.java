package org.gan4j.core.run;

import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.train.StepStats;

/**
 * The columns of {@code metrics.csv}: the trainer's own, then those plugins declare
 * ({@link org.gan4j.api.train.RunInfo#logColumns()}, filled from {@link StepStats#extras()}).
 */
public final class MetricsCsv {
    public static final String STEP = "step";
    public static final String D_LOSS = "d_loss";
    public static final String G_LOSS = "g_loss";
    public static final String D_REAL = "d_real";
    public static final String D_FAKE = "d_fake";
    public static final String G_GRAD_NORM = "g_grad_norm";
    /** The conditional task's reconstruction term; empty cells in unconditional runs. */
    public static final String G_RECON = "g_recon";
    public static final String SEC_PER_STEP = "sec_per_step";
    /** The trainer's own columns, in file order. */
    public static final List<String> TRAINER_COLUMNS =
            List.of(STEP, D_LOSS, G_LOSS, D_REAL, D_FAKE, G_GRAD_NORM, G_RECON, SEC_PER_STEP);

    private MetricsCsv() {}

    /** The header: the trainer's columns, then the plugins' in declaration order. */
    public static List<String> header(List<String> pluginColumns) {
        List<String> all = new ArrayList<>(TRAINER_COLUMNS);
        for (String c : pluginColumns) {
            if (all.contains(c)) {
                throw new IllegalStateException("metrics.csv column '" + c + "' is declared twice");
            }
            all.add(c);
        }
        return all;
    }

    /** One row's values in {@link #header} order; a plugin column a step did not report is left empty. */
    public static List<Object> row(StepStats s, List<String> pluginColumns) {
        List<Object> row = new ArrayList<>(List.of(s.step(), s.discriminatorLoss(), s.generatorLoss(),
                s.meanRealProbability(), s.meanFakeProbability(), s.generatorGradNorm(), s.reconstructionLoss(),
                s.secondsPerStep()));
        for (String c : pluginColumns) {
            row.add(s.extras().get(c));
        }
        return row;
    }
}
