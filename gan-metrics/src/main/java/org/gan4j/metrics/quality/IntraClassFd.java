package org.gan4j.metrics.quality;

/**
 * Intra-class Fréchet distance (as in Miyato and Koyama 2018 for class-conditional GANs): the FD between the real
 * images of class c and G(z | c), for every class c, and their mean, mean_c FD_c. Each class's covariance is
 * estimated from that class's vectors alone, so every class needs more vectors than the feature dimension d
 * (else Σ_c is singular and FD_c meaningless); fewer is refused, naming the class and its count.
 */
public final class IntraClassFd {
    private IntraClassFd() {}

    /**
     * @param perClass FD_c for c = 0..K−1
     * @param nReal real vectors per class
     * @param nFake generated vectors per class
     * @param mean the mean of perClass
     */
    public record Result(double[] perClass, int[] nReal, int[] nFake, double mean) {}

    /** The fewest vectors per class this metric accepts for features of dimension d: d + 1. */
    public static int minimumPerClass(int d) {
        return d + 1;
    }

    /**
     * Intra-class FD of labelled real and generated vectors (d values each, row-major).
     *
     * @throws IllegalArgumentException when a class has fewer than {@code minPerClass} real or generated vectors
     */
    public static Result compute(float[] real, int[] realLabels, float[] fake, int[] fakeLabels, int d, int classes,
            int minPerClass) {
        float[][] r = byClass(real, realLabels, d, classes);
        float[][] f = byClass(fake, fakeLabels, d, classes);
        double[] fd = new double[classes];
        int[] nReal = new int[classes];
        int[] nFake = new int[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            nReal[c] = r[c].length / d;
            nFake[c] = f[c].length / d;
            if (nReal[c] < minPerClass || nFake[c] < minPerClass) {
                throw new IllegalArgumentException("intra-class FD: class " + c + " has " + nReal[c] + " real and "
                        + nFake[c] + " generated samples; each class needs at least " + minPerClass
                        + " of both (more than the " + d + " features, else its covariance is singular)");
            }
            fd[c] = FrechetDistance.distance(FrechetDistance.moments(r[c], nReal[c], d),
                    FrechetDistance.moments(f[c], nFake[c], d));
            sum += fd[c];
        }
        return new Result(fd, nReal, nFake, sum / classes);
    }

    /** The vectors of each class, in their original order. */
    private static float[][] byClass(float[] x, int[] labels, int d, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
            }
            counts[label]++;
        }
        float[][] out = new float[classes][];
        int[] filled = new int[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = new float[counts[c] * d];
        }
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            System.arraycopy(x, i * d, out[c], filled[c] * d, d);
            filled[c]++;
        }
        return out;
    }
}
