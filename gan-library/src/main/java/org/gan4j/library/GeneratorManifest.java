package org.gan4j.library;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code manifest.json} of a generator export: everything needed to rebuild G and feed it, with no run
 * directory, config file or engine-private format.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the export format; readers refuse versions above the one they know
 * @param architecture the {@code model:} section the generator was built from: {@code type} and settings
 * @param task the run's {@code task:} section (type and settings), absent for unconditional and
 *     class-conditional runs; informative: loading never composes the task's output
 * @param latentDim size of G's noise vector z
 * @param latentDistribution the prior z was drawn from in training: {@code normal} (N(0, 1)) or
 *     {@code uniform} (U[-1, 1])
 * @param sampleShape shape of one sample, e.g. (C, H, W) for images, (2) for points
 * @param valueRange [min, max] of the trained data, [-1, 1] for images (x = byte/127.5 - 1); absent for
 *     non-image data (the data's own units)
 * @param numClasses classes of a class-conditional G (ids 0..numClasses-1), 0 otherwise
 * @param conditionShape shape (C, H, W) of one image condition, absent when G takes none
 * @param engine the deep-learning engine it was trained on (as DJL names it, e.g. MXNet)
 * @param gan4jVersion the gan4j version that wrote the export
 * @param provenance where it came from: run directory, checkpoint, step, seed, config file, export time
 * @param byteOrder always {@code little-endian}
 * @param dtype always {@code float32}
 * @param parameters G's parameters in the order the architecture declares them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeneratorManifest(
        @JsonProperty("format") String format,
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("architecture") JsonNode architecture,
        @JsonProperty("task") JsonNode task,
        @JsonProperty("latent_dim") int latentDim,
        @JsonProperty("latent_distribution") String latentDistribution,
        @JsonProperty("sample_shape") long[] sampleShape,
        @JsonProperty("value_range") float[] valueRange,
        @JsonProperty("num_classes") int numClasses,
        @JsonProperty("condition_shape") long[] conditionShape,
        @JsonProperty("engine") String engine,
        @JsonProperty("gan4j_version") String gan4jVersion,
        @JsonProperty("provenance") Provenance provenance,
        @JsonProperty("byte_order") String byteOrder,
        @JsonProperty("dtype") String dtype,
        @JsonProperty("parameters") List<ParameterEntry> parameters) {

    /** The value of {@code format} that marks a folder as a gan4j generator export. */
    public static final String FORMAT = "gan4j-generator";
    /** The export format this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name inside an export folder. */
    public static final String FILE = "manifest.json";
    /** The folder, inside an export, holding one {@code .f32} file per parameter. */
    public static final String PARAMETERS_DIR = "parameters";

    /**
     * One parameter: its values are {@code file} (relative to the export folder), the product of
     * {@code shape} float32 values in little-endian byte order, row-major (C order), nothing else.
     *
     * @param name the parameter's name in the architecture's block (how it is matched when loading)
     * @param shape its dimensions
     * @param file its values, relative to the export folder
     */
    public record ParameterEntry(@JsonProperty("name") String name, @JsonProperty("shape") long[] shape,
            @JsonProperty("file") String file) {}

    /**
     * Where an export came from.
     *
     * @param runDir absolute path of the run directory
     * @param checkpoint absolute path of the checkpoint the parameters were read from
     * @param step the generator step of that checkpoint
     * @param seed the run's seed
     * @param config the config file the run was started from
     * @param exportedAt ISO-8601 instant of the export
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provenance(@JsonProperty("run_dir") String runDir, @JsonProperty("checkpoint") String checkpoint,
            @JsonProperty("step") long step, @JsonProperty("seed") Long seed, @JsonProperty("config") String config,
            @JsonProperty("exported_at") String exportedAt) {}

    /** Whether G is class-conditional. */
    public boolean classConditional() {
        return numClasses > 0;
    }

    /** Values in one sample. */
    public int sampleSize() {
        return Math.toIntExact(product(sampleShape));
    }

    static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }
}
