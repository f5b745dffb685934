package org.gan4j.library;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.api.support.AtomicFiles;

/**
 * Writes and reads the export folder: {@code manifest.json} ({@link GeneratorManifest}) and
 * {@code parameters/NNN-name.f32}, each parameter as raw little-endian float32 values. The folder follows
 * the run directories' output rules: gan4j writes into a new or empty folder, replaces an earlier export
 * only when asked, and then removes only the files an export consists of.
 */
final class GeneratorExport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** More values than any generator gan4j builds has in one array: a garbled shape. */
    private static final long MAX_VALUES = 1L << 31;

    private GeneratorExport() {}

    /** Whether {@code dir} holds a gan4j export (a manifest with the export's format word). */
    static boolean isExport(Path dir) {
        Path manifest = dir.resolve(GeneratorManifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            JsonNode tree = JSON.readTree(manifest.toFile());
            return tree != null && GeneratorManifest.FORMAT.equals(tree.path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code generator}'s parameters and {@code manifest} (its parameter list is filled here). */
    static GeneratorManifest write(Path dir, boolean overwrite, GeneratorManifest manifest, Block generator) {
        prepare(dir, overwrite);
        List<GeneratorManifest.ParameterEntry> entries = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve(GeneratorManifest.PARAMETERS_DIR));
            int index = 0;
            for (Pair<String, Parameter> p : generator.getParameters()) {
                NDArray array = p.getValue().getArray();
                if (array.getDataType() != DataType.FLOAT32) {
                    throw new GeneratorException("cannot export parameter '" + p.getKey() + "': its type is "
                            + array.getDataType() + "; exports hold float32 values only");
                }
                String file = GeneratorManifest.PARAMETERS_DIR + "/" + String.format("%03d-%s.f32", index++,
                        p.getKey().replaceAll("[^A-Za-z0-9._-]", "_"));
                ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(array.size() * 4)).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(array.toFloatArray());
                AtomicFiles.write(dir.resolve(file), bytes.array());
                entries.add(new GeneratorManifest.ParameterEntry(p.getKey(), array.getShape().getShape(), file));
            }
            GeneratorManifest complete = withParameters(manifest, entries);
            // The manifest comes last: a folder whose export was cut short is not mistaken for an export.
            AtomicFiles.writeString(dir.resolve(GeneratorManifest.FILE), JSON.writeValueAsString(complete));
            return complete;
        } catch (IOException e) {
            throw new ExportTargetException("cannot write the export into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static GeneratorManifest withParameters(GeneratorManifest m, List<GeneratorManifest.ParameterEntry> p) {
        return new GeneratorManifest(m.format(), m.formatVersion(), m.architecture(), m.task(), m.latentDim(),
                m.latentDistribution(), m.sampleShape(), m.valueRange(), m.numClasses(), m.conditionShape(),
                m.engine(), m.gan4jVersion(), m.provenance(), m.byteOrder(), m.dtype(), List.copyOf(p));
    }

    /** Creates {@code dir}, or clears an earlier export in it when {@code overwrite}; refuses anything else. */
    private static void prepare(Path dir, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExportTargetException("export folder " + dir + " is a file; choose a new or empty folder with --out");
        }
        try {
            if (Files.isDirectory(dir)) {
                if (isExport(dir)) {
                    if (!overwrite) {
                        throw new ExportTargetException("export folder " + dir + " already holds an export; pass "
                                + "--overwrite to replace it, or choose another folder with --out");
                    }
                    clear(dir);
                } else if (!empty(dir)) {
                    throw new ExportTargetException("export folder " + dir + " is not empty and is not a gan4j export (no "
                            + GeneratorManifest.FILE + " of format " + GeneratorManifest.FORMAT + "); choose a new or "
                            + "empty folder with --out (--overwrite replaces only an export)");
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExportTargetException("export folder " + dir + " cannot be created or written (" + e.getMessage()
                    + "); choose another with --out", e);
        }
    }

    /** Removes the manifest and the .f32 files an export wrote; anything else a user put there stays. */
    private static void clear(Path dir) throws IOException {
        Files.delete(dir.resolve(GeneratorManifest.FILE));
        Path params = dir.resolve(GeneratorManifest.PARAMETERS_DIR);
        if (Files.isDirectory(params)) {
            try (Stream<Path> files = Files.list(params)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{3}-.*\\.f32")).toList()) {
                    Files.delete(f);
                }
            }
            if (empty(params)) {
                Files.delete(params);
            }
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Reads and checks {@code dir/manifest.json}: the format word and a version this code knows. */
    static GeneratorManifest readManifest(Path dir) {
        Path file = dir.resolve(GeneratorManifest.FILE);
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidExportException(file + " is not readable JSON: " + e.getMessage(), e);
        }
        if (tree == null || !GeneratorManifest.FORMAT.equals(tree.path("format").asText())) {
            throw new NotAGeneratorException(dir + " is not a generator export: " + file + " has no \"format\": \""
                    + GeneratorManifest.FORMAT + "\"");
        }
        int version = tree.path("format_version").asInt(-1);
        if (version > GeneratorManifest.FORMAT_VERSION) {
            throw new ExportVersionException(file + ": format_version " + version + " was written by a newer gan4j ("
                    + tree.path("gan4j_version").asText("unknown version") + "); this gan4j (" + Gan4j.version()
                    + ") reads format_version up to " + GeneratorManifest.FORMAT_VERSION + "; load it with a newer gan4j");
        }
        if (version < 1) {
            throw new InvalidExportException(file + ": format_version must be a positive integer, got "
                    + tree.path("format_version"));
        }
        try {
            GeneratorManifest m = JSON.treeToValue(tree, GeneratorManifest.class);
            if (m.architecture() == null || m.sampleShape() == null || m.parameters() == null || m.latentDim() < 0) {
                throw new InvalidExportException(file + ": architecture, sample_shape, latent_dim and parameters are "
                        + "required");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new InvalidExportException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Copies every parameter file into {@code generator}'s parameters, matched by name in order; names, shapes
     * and file sizes are checked before any value is set.
     */
    static void loadParameters(Path dir, GeneratorManifest manifest, Block generator) {
        List<Pair<String, Parameter>> params = generator.getParameters().stream().toList();
        List<GeneratorManifest.ParameterEntry> entries = manifest.parameters();
        Path manifestFile = dir.resolve(GeneratorManifest.FILE);
        if (entries.size() != params.size()) {
            throw new InvalidExportException(manifestFile + " lists " + entries.size() + " parameters but the '"
                    + manifest.architecture().path("type").asText() + "' generator it describes has " + params.size());
        }
        List<float[]> values = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        for (int i = 0; i < params.size(); i++) {
            GeneratorManifest.ParameterEntry e = entries.get(i);
            NDArray target = params.get(i).getValue().getArray();
            if (!params.get(i).getKey().equals(e.name())) {
                throw new InvalidExportException(manifestFile + ": parameter " + i + " is '" + e.name()
                        + "' but the generator's is '" + params.get(i).getKey() + "'");
            }
            if (e.shape() == null || !Arrays.equals(e.shape(), target.getShape().getShape())) {
                throw new InvalidExportException(manifestFile + ": parameter '" + e.name() + "' has shape "
                        + Arrays.toString(e.shape()) + " but the generator's is " + target.getShape());
            }
            Path file = root.resolve(e.file() == null ? "" : e.file()).normalize();
            if (e.file() == null || !file.startsWith(root)) {
                throw new InvalidExportException(manifestFile + ": parameter '" + e.name() + "' names file '" + e.file()
                        + "', which is not inside the export folder");
            }
            long count = GeneratorManifest.product(e.shape());
            try {
                long size = Files.size(file);
                if (count > MAX_VALUES || size != count * 4) {
                    throw new InvalidExportException(file + " has " + size + " bytes; parameter '" + e.name()
                            + "' of shape " + Arrays.toString(e.shape()) + " needs " + count * 4 + " (float32)");
                }
                FloatBuffer floats = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
                float[] v = new float[(int) count];
                floats.get(v);
                values.add(v);
            } catch (IOException ex) {
                throw new InvalidExportException("cannot read " + file + " (parameter '" + e.name() + "'): "
                        + ex.getMessage(), ex);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            params.get(i).getValue().getArray().set(values.get(i));
        }
    }
}
