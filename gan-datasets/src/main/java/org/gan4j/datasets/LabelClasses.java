package org.gan4j.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Checks class labels against a declared class count, or infers one that leaves no class empty. */
final class LabelClasses {
    private static final int SHOWN_RANGES = 8;

    private LabelClasses() {}

    /** {@code classes} when every label is in 0..classes-1; otherwise an error naming the first stray label. */
    static int checkDeclared(int[] labels, int classes, String origin) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IOException(origin + ": label " + labels[i] + " (sample " + i + ") is outside classes: "
                        + classes + "; labels must be 0.." + (classes - 1)
                        + " (set classes: to the data's class count, or check the labels file)");
            }
        }
        return classes;
    }

    /** Largest label + 1, refused when some id below it has no sample (a stray label, or a wrong file). */
    static int inferWithoutGaps(int[] labels, String origin) throws IOException {
        int count = ImageSet.classCount(labels);
        boolean[] seen = new boolean[Math.max(count, 0)];
        for (int label : labels) {
            seen[label] = true;
        }
        List<String> missing = new ArrayList<>();
        int ranges = 0;
        for (int id = 0; id < count; id++) {
            if (!seen[id]) {
                int end = id;
                while (end + 1 < count && !seen[end + 1]) {
                    end++;
                }
                if (++ranges <= SHOWN_RANGES) {
                    missing.add(end == id ? String.valueOf(id) : id + ".." + end);
                }
                id = end;
            }
        }
        if (ranges > 0) {
            String shown = String.join(", ", missing) + (ranges > SHOWN_RANGES ? ", ..." : "");
            throw new IOException(origin + ": the labels run 0.." + (count - 1) + " but class ids [" + shown
                    + "] have no sample, so the class count cannot be inferred; set the data's classes: "
                    + "(labels must be below it) to settle it");
        }
        return count;
    }
}
