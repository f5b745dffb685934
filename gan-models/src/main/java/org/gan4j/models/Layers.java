package org.gan4j.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import org.gan4j.api.model.TrainingPhase;

/**
 * Builds one network's weight layers, spectrally normalised or plain. Plain layers are exactly DJL's
 * {@code Linear}, {@code Conv2d} and {@link TransposedConv2d}, so a network without spectral norm is built as
 * before. Normalised layers are numbered in build order: {@code spectral_norm.<network>.<n>} names each
 * one's checkpoint section.
 */
final class Layers {
    private final String network;
    private final boolean spectral;
    private final TrainingPhase advancesIn;
    private int count;

    private Layers(String network, boolean spectral, TrainingPhase advancesIn) {
        this.network = network;
        this.spectral = spectral;
        this.advancesIn = advancesIn;
    }

    /**
     * G's layers: when normalised, their power iteration advances in every training forward of G (G(z) may be
     * drawn in the D-step and reused by the G-step).
     */
    static Layers generator(SpectralNormTarget target) {
        return new Layers("generator", target.generator(), null);
    }

    /** D's layers: when normalised, their power iteration advances in the D-step's forwards only. */
    static Layers discriminator(SpectralNormTarget target) {
        return new Layers("discriminator", target.discriminator(), TrainingPhase.DISCRIMINATOR_STEP);
    }

    boolean spectral() {
        return spectral;
    }

    private SpectralNorm next() {
        return new SpectralNorm("spectral_norm." + network + "." + count++, advancesIn);
    }

    Block dense(long units, boolean bias) {
        if (spectral) {
            return SpectralNormLayer.dense(next(), units, bias);
        }
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    Block conv(int filters, int kernel, int stride, int padding, boolean bias) {
        if (spectral) {
            return SpectralNormLayer.conv(next(), filters, kernel, stride, padding, bias);
        }
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(bias)
                .build();
    }

    Block transposed(int filters, int kernel, int stride, int padding) {
        if (spectral) {
            return new SpectralNormTransposedConv2d(next(), filters, kernel, stride, padding);
        }
        return new TransposedConv2d(filters, kernel, stride, padding);
    }
}
