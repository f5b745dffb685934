package org.gan4j.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gan4j.api.config.Validated;
import org.gan4j.api.data.DataContext;
import org.gan4j.api.data.DataSource;
import org.gan4j.api.data.SampleSource;
import org.gan4j.api.metric.EvalContext;
import org.gan4j.api.metric.Metric;
import org.gan4j.api.support.ResultKeys;

/**
 * D's overfitting on limited data (Karras et al. 2020, "Training GANs with limited data"): the gap between D's
 * mean raw output on real images it trains on and on real images it never saw,
 * gap = E_{x ∈ train}[D(x)] − E_{x ∈ held out}[D(x)]. A D that generalises scores both alike (gap ≈ 0); one that
 * memorises its training images scores them higher, and the gap grows over training.
 *
 * <p>Training reals: {@code n} samples of the run's data ({@link EvalContext#realSamples}, the same at every
 * evaluation). Held-out reals: the first {@code n} images of {@code held_out} (read once in a fixed order, the
 * stream of seed 0, as classifier-fd reads its labelled set) that are not among the run's images, compared by content, so {@code held_out} may be the full set the run's few images were
 * taken from. Results (each preceded by {@code prefix}): {@code d_train_real}, {@code d_heldout_real},
 * {@code d_overfit_gap}. D runs in inference mode on unconditional runs only.
 */
public final class DiscriminatorOverfitMetric implements Metric, Validated {
    private static final int READ_BATCH = 500;

    @JsonProperty("held_out")
    @JsonPropertyDescription("real images D is not trained on (a data section with its own type:); images that "
            + "are also in the run's data are skipped")
    private DataSource heldOut;

    @JsonPropertyDescription("real images on each side")
    private int n = 500;

    @JsonPropertyDescription("text put before every result name (lower_snake_case)")
    private String prefix = "";

    /** The held-out images, read once per run (host copy: n × sample size floats). */
    private float[] heldOutImages;
    private Shape heldOutShape;
    private int skipped;

    /** D's mean output over single real images is the measurement: a packed D (PacGAN) judges none. */
    @Override
    public boolean judgesSingleSamples() {
        return true;
    }

    @Override
    public Map<String, Double> evaluate(EvalContext context) throws java.io.IOException {
        if (heldOutImages == null) {
            readHeldOut(context);
        }
        NDManager m = context.manager();
        double train = meanOutput(context, context.realSamples(n));
        double heldOutMean = meanOutput(context, m.create(heldOutImages, new Shape(n).addAll(heldOutShape)));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "d_train_real", train);
        out.put(prefix + "d_heldout_real", heldOutMean);
        out.put(prefix + "d_overfit_gap", train - heldOutMean);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("step", context.step());
        facts.put("n", n);
        facts.put("train_split", "run data (evaluation stream)");
        facts.put("held_out_split", "held_out: its first " + n + " images (stream seed 0) that are not in the "
                + "run's data (" + skipped + " skipped as run images)");
        facts.put("output", "D's raw output (logit or score), inference mode");
        out.forEach((k, v) -> facts.put(k.substring(prefix.length()), v));
        context.report(prefix.replace('_', '-') + "discriminator-overfit", facts);
        return out;
    }

    private static double meanOutput(EvalContext context, NDArray samples) {
        float[] logits = context.discriminatorLogits(samples).toFloatArray();
        double sum = 0;
        for (float l : logits) {
            sum += l;
        }
        return sum / logits.length;
    }

    /** The first n images of held_out, in order, whose content is not one of the run's images. */
    private void readHeldOut(EvalContext context) throws java.io.IOException {
        SampleSource data = context.data();
        Set<Image> runImages = new HashSet<>(readAll(data, context.manager(), "the run's data"));
        DataContext dc = new DataContext(Path.of("").toAbsolutePath(), context.seed());
        List<Image> kept = new ArrayList<>();
        int skip = 0;
        try (SampleSource source = heldOut.open(dc)) {
            if (!source.sampleShape().equals(data.sampleShape())) {
                throw new IllegalStateException("discriminator-overfit: held_out holds samples of shape "
                        + source.sampleShape() + " but the run's samples have shape " + data.sampleShape());
            }
            for (Image image : readAll(source, context.manager(), "held_out")) {
                if (kept.size() == n) {
                    break;
                }
                if (runImages.contains(image)) {
                    skip++;
                } else {
                    kept.add(image);
                }
            }
        }
        if (kept.size() < n) {
            throw new IllegalStateException("discriminator-overfit: held_out has " + kept.size() + " images that "
                    + "are not in the run's data, fewer than n = " + n + "; lower n or use a larger held_out set");
        }
        int s = kept.get(0).pixels().length;
        float[] all = new float[n * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(kept.get(i).pixels(), 0, all, i * s, s);
        }
        heldOutImages = all;
        heldOutShape = data.sampleShape();
        skipped = skip;
    }

    /** Every sample of a finite source once: positions 0 … size−1 of its stream of seed 0 (one epoch). */
    private static List<Image> readAll(SampleSource source, NDManager parent, String what) {
        long total = source.size();
        if (total <= 0 || total > Integer.MAX_VALUE) {
            throw new IllegalStateException("discriminator-overfit: " + what + " must be a finite data set, but its "
                    + "size is " + (total < 0 ? "unbounded (a sampled distribution)" : total));
        }
        int size = Math.toIntExact(source.sampleShape().size());
        List<Image> images = new ArrayList<>();
        for (int index = 0; images.size() < total; index++) {
            try (NDManager m = parent.newSubManager()) {
                float[] x = source.batch(m, 0, index, READ_BATCH).samples().toFloatArray();
                for (int i = 0; i < x.length / size && images.size() < total; i++) {
                    images.add(new Image(Arrays.copyOfRange(x, i * size, (i + 1) * size)));
                }
            }
        }
        return images;
    }

    /** A sample compared by content. */
    private record Image(float[] pixels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Image other && Arrays.equals(pixels, other.pixels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pixels);
        }
    }

    @Override
    public void validate() {
        if (heldOut == null) {
            throw new IllegalArgumentException("held_out: required; a data section with type: holding real images "
                    + "the run does not train on (e.g. {type: idx, split: test} for a run on a few of them)");
        }
    }

    @JsonProperty("held_out")
    public DataSource getHeldOut() {
        return heldOut;
    }

    @JsonProperty("held_out")
    public void setHeldOut(DataSource heldOut) {
        this.heldOut = heldOut;
    }

    public int getN() {
        return n;
    }

    public void setN(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("must be an integer >= 2, got " + n);
        }
        this.n = n;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = ResultKeys.prefix(prefix);
    }
}
