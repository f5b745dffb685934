package org.gan4j.core.config;

import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.OptionalDouble;
import org.gan4j.api.model.ModelSpec;

/**
 * Refuses, before training, settings that cannot fit in memory: the networks' parameters (estimated by
 * the architecture from its settings and the data's sample shape) with their gradients and optimizer
 * state, and a batch's arrays, against the machine's memory and the JVM heap. Engine-free and
 * variant-free: the architecture and the data source answer through their SPI defaults.
 *
 * <p>Estimates are lower bounds (activations, conditions and the engine's workspace come on top), so
 * what is refused can certainly not run; what passes may still be tight.
 */
final class MemoryFit {
    /** Weight, gradient and two optimizer moments (Adam), 4-byte floats each. */
    static final int BYTES_PER_PARAMETER = 16;
    private static final int FLOAT_BYTES = 4;

    /** The memory a run can use. */
    record Limits(long machineBytes, long heapBytes) {
        static Limits current() {
            long machine = Long.MAX_VALUE;
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                machine = os.getTotalMemorySize();
            }
            return new Limits(machine, Runtime.getRuntime().maxMemory());
        }

        /** What the engine's native arrays can use: the machine less the heap the JVM may take. */
        long nativeBytes() {
            return Math.max(0, machineBytes - heapBytes);
        }
    }

    private MemoryFit() {}

    static void check(ExperimentConfig config, SourceMap sources, Limits limits) {
        // Unknown shape (the files tell): the smallest sample still bounds the hidden layers from below.
        Shape shape = config.getData().knownSampleShape().orElse(null);
        Shape assumed = shape != null ? shape : new Shape(1);
        String shapeText = shape != null ? "samples of shape " + shape : "samples of at least 1 value";
        int latent = config.getLatent().getDim();
        double parameters = estimate(config, assumed, latent);
        double parameterBytes = parameters * BYTES_PER_PARAMETER;
        if (parameterBytes > limits.nativeBytes()) {
            throw new ConfigException(sources.locateSection(com.fasterxml.jackson.core.JsonPointer.compile("/model")), "model",
                    "the networks would hold about " + count(parameters) + " parameters (estimated from the model's "
                            + "settings and " + shapeText + "), needing about " + bytes(parameterBytes) + " with "
                            + "gradients and optimizer state (" + BYTES_PER_PARAMETER + " bytes each); this machine "
                            + "has " + bytes(limits.machineBytes()) + " of memory, " + bytes(limits.nativeBytes())
                            + " of it outside the JVM heap; use smaller layers");
        }
        TrainerConfig trainer = config.getTrainer(); // a batch of packs (PacGAN) draws batch_size·m samples
        long batch = (long) trainer.getBatchSize()
                * (trainer.getPackingBatch() == TrainerConfig.PackingBatch.PACKS ? trainer.getPacking() : 1);
        double sampleValues = assumed.size();
        double heapBatch = (double) batch * sampleValues * FLOAT_BYTES;
        String where = sources.locateSection(com.fasterxml.jackson.core.JsonPointer.compile("/trainer/batch_size"));
        if (heapBatch > limits.heapBytes()) {
            throw new ConfigException(where, "trainer.batch_size", "a batch of " + batch + " " + shapeText
                    + " takes about " + bytes(heapBatch) + " as floats on the JVM heap, which holds at most "
                    + bytes(limits.heapBytes()) + "; use a smaller batch_size (or a larger heap: GAN_JAVA_OPTS=-Xmx...)");
        }
        // Evaluation draws eval.samples real and as many generated samples, read back onto the heap.
        int evalSamples = config.getEval().getSamples();
        double heapEval = 2.0 * evalSamples * sampleValues * FLOAT_BYTES;
        if (heapEval > limits.heapBytes()) {
            throw new ConfigException(sources.locateSection(com.fasterxml.jackson.core.JsonPointer.compile("/eval/samples")),
                    "eval.samples", evalSamples + " real and " + evalSamples + " generated " + shapeText + " take about "
                            + bytes(heapEval) + " as floats on the JVM heap, which holds at most "
                            + bytes(limits.heapBytes()) + "; use fewer eval.samples (or a larger heap: GAN_JAVA_OPTS=-Xmx...)");
        }
        // Real and generated samples and the noise, before any activation.
        double nativeBatch = (double) batch * (2 * sampleValues + latent) * FLOAT_BYTES;
        if (parameterBytes + nativeBatch > limits.nativeBytes()) {
            throw new ConfigException(where, "trainer.batch_size", "a batch of " + batch + " needs at least "
                    + bytes(nativeBatch) + " (real and generated " + shapeText + " and noise of " + latent
                    + " values, as 4-byte floats) next to " + bytes(parameterBytes) + " for the networks; this "
                    + "machine has " + bytes(limits.nativeBytes()) + " outside the JVM heap; use a smaller batch_size");
        }
    }

    private static double estimate(ExperimentConfig config, Shape shape, int latent) {
        try {
            OptionalDouble count = config.getModel().estimateParameters(spec(config, shape, latent));
            return count.orElse(0);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return 0; // the shape does not suit the architecture: it will say so when it is built
        }
    }

    /** The task's spec (an image condition, e.g.), as far as it is known without the data's class count. */
    private static ModelSpec spec(ExperimentConfig config, Shape shape, int latent) {
        if (config.getTask() != null) {
            try {
                return config.getTask().modelSpec(shape, 0, latent);
            } catch (IllegalArgumentException e) {
                // e.g. class-conditional needs the labels' class count: the unconditional spec bounds it from below
            }
        }
        return ModelSpec.of(shape, latent).withPacking(config.getTrainer().getPacking());
    }

    private static String count(double n) {
        return n < 1e6 ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.2g", n);
    }

    private static String bytes(double b) {
        double gb = b / (1L << 30);
        return gb >= 1e5 ? String.format(Locale.ROOT, "%.2g GB", gb)
                : gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb)
                : String.format(Locale.ROOT, "%.0f MB", b / (1 << 20));
    }
}
