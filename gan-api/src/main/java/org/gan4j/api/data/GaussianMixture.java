package org.gan4j.api.data;

import java.util.List;
import java.util.Random;

/**
 * An isotropic Gaussian mixture in d dimensions: p(x) = sum_k w_k N(x; mu_k, sigma_k^2 I).
 *
 * @param means K component means, each of length d
 * @param stds K standard deviations
 * @param weights K mixture weights summing to 1
 */
public record GaussianMixture(List<double[]> means, double[] stds, double[] weights) {

    public GaussianMixture {
        means = List.copyOf(means);
        if (means.isEmpty() || stds.length != means.size() || weights.length != means.size()) {
            throw new IllegalArgumentException("means, stds and weights need the same length > 0");
        }
        int d = means.get(0).length;
        double sum = 0;
        for (int k = 0; k < means.size(); k++) {
            if (means.get(k).length != d) {
                throw new IllegalArgumentException("all means need " + d + " coordinates");
            }
            if (!(stds[k] > 0)) {
                throw new IllegalArgumentException("std must be > 0, got " + stds[k]);
            }
            if (!(weights[k] >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0, got " + weights[k]);
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("weights must sum to 1, got " + sum);
        }
        stds = stds.clone();
        weights = weights.clone();
    }

    /** Equal-weight mixture with one shared std. */
    public static GaussianMixture uniform(List<double[]> means, double std) {
        int k = means.size();
        double[] stds = new double[k];
        double[] weights = new double[k];
        java.util.Arrays.fill(stds, std);
        java.util.Arrays.fill(weights, 1.0 / k);
        return new GaussianMixture(means, stds, weights);
    }

    public int dimension() {
        return means.get(0).length;
    }

    public int components() {
        return means.size();
    }

    /** The density p(x). */
    public double density(double[] x) {
        int d = dimension();
        double p = 0;
        for (int k = 0; k < components(); k++) {
            double[] mu = means.get(k);
            double s2 = stds[k] * stds[k];
            double sq = 0;
            for (int i = 0; i < d; i++) {
                double diff = x[i] - mu[i];
                sq += diff * diff;
            }
            p += weights[k] * Math.exp(-sq / (2 * s2)) / Math.pow(2 * Math.PI * s2, d / 2.0);
        }
        return p;
    }

    /** Draws one sample into {@code out} (length d) using {@code random}. */
    public void sample(Random random, float[] out, int offset) {
        double u = random.nextDouble();
        int k = 0;
        double acc = weights[0];
        while (u > acc && k < components() - 1) {
            acc += weights[++k];
        }
        double[] mu = means.get(k);
        for (int i = 0; i < mu.length; i++) {
            out[offset + i] = (float) (mu[i] + stds[k] * random.nextGaussian());
        }
    }
}
