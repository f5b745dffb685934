package org.gan4j.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained ring generator opened from its run, a checkpoint and its export; the export's format and rules. */
class TrainedGeneratorTest {
    static final Gan4j GAN = LibraryTrainingTest.GAN;
    @TempDir
    static Path shared;
    static Path run;
    static Path export;
    @TempDir
    Path tmp;

    @BeforeAll
    static void trainAndExport() {
        run = LibraryTrainingTest.ring("ring", 30).build().outDir(shared.resolve("run")).train().runDir();
        export = shared.resolve("export");
        try (TrainedGenerator g = GAN.openGenerator(run)) {
            g.export(export, false);
        }
    }

    @Test
    void exportLoadsAndGivesTheRunsSamplesExactly() {
        try (TrainedGenerator fromRun = GAN.openGenerator(run);
                TrainedGenerator fromExport = GAN.openGenerator(export);
                TrainedGenerator fromCheckpoint = GAN.openGenerator(run.resolve("checkpoints/step-00000030.ckpt"))) {
            float[][] a = fromRun.generate(50, 7);
            assertEquals(50, a.length);
            assertEquals(2, a[0].length);
            assertArrayEquals(a, fromExport.generate(50, 7));
            assertArrayEquals(a, fromCheckpoint.generate(50, 7));
            assertArrayEquals(a, fromRun.generate(50, 7), "same seed, same samples");
            assertNotEquals(a[0][0], fromRun.generate(50, 8)[0][0], "another seed, other samples");
            // given latents: the same z as generate draws gives the same points
            float[][] z = {{0.5f, -1f}, {2f, 0.25f}};
            assertArrayEquals(fromRun.generate(z), fromExport.generate(z));
            assertNull(fromExport.valueRange(), "points are in the data's own units");
        }
    }

    @Test
    void manifestNamesEverythingNeededToRebuildG() throws IOException {
        JsonNode m = GeneratorExport.JSON.readTree(export.resolve("manifest.json").toFile());
        assertEquals("gan4j-generator", m.get("format").asText());
        assertEquals(1, m.get("format_version").asInt());
        assertEquals("mlp", m.get("architecture").get("type").asText());
        assertEquals(16, m.get("architecture").get("hidden").get(0).asInt());
        assertEquals(2, m.get("latent_dim").asInt());
        assertEquals("normal", m.get("latent_distribution").asText());
        assertEquals("[2]", m.get("sample_shape").toString());
        assertEquals(0, m.get("num_classes").asInt());
        assertEquals("mxnet", m.get("engine").asText());
        assertEquals(Gan4j.version(), m.get("gan4j_version").asText());
        assertTrue(Gan4j.version().matches("\\d+\\.\\d+\\.\\d+.*"), Gan4j.version());
        assertEquals(30, m.get("provenance").get("step").asLong());
        assertEquals(run.toAbsolutePath().normalize().toString(), m.get("provenance").get("run_dir").asText());
        assertEquals("little-endian", m.get("byte_order").asText());
        JsonNode first = m.get("parameters").get(0);
        long values = 1;
        for (JsonNode d : first.get("shape")) {
            values *= d.asLong();
        }
        Path file = export.resolve(first.get("file").asText());
        assertEquals(values * 4, Files.size(file), "plain float32 values, nothing else");
        float v = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertTrue(Float.isFinite(v) && v != 0f);
    }

    @Test
    void exportFolderFollowsTheOutputRules() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        try (TrainedGenerator g = GAN.openGenerator(run)) {
            ExportTargetException notEmpty = assertThrows(ExportTargetException.class, () -> g.export(foreign, true));
            assertTrue(notEmpty.getMessage().contains("is not empty and is not a gan4j export"), notEmpty.getMessage());
            assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));

            Path out = tmp.resolve("out");
            g.export(out, false);
            ExportTargetException again = assertThrows(ExportTargetException.class, () -> g.export(out, false));
            assertTrue(again.getMessage().contains("already holds an export; pass --overwrite"), again.getMessage());
            Files.writeString(out.resolve("README.txt"), "the user's");
            g.export(out, true);
            assertEquals("the user's", Files.readString(out.resolve("README.txt")), "only the export's files are replaced");
            assertThrows(ExportTargetException.class, () -> g.export(out.resolve("README.txt"), true));
        }
    }

    @Test
    void badInputGetsTypedExceptionsWithOneClearLine() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        NotAGeneratorException notRun = assertThrows(NotAGeneratorException.class, () -> GAN.openGenerator(plain));
        assertEquals(plain + " is neither a gan4j run directory (no gan4j-run.json) nor a generator export (no "
                + "manifest.json); open a run directory, a checkpoint of one, or an export folder", notRun.getMessage());

        Path newer = copyOfExport(tmp.resolve("newer"));
        ObjectNode m = (ObjectNode) GeneratorExport.JSON.readTree(newer.resolve("manifest.json").toFile());
        m.put("format_version", 2).put("gan4j_version", "9.0.0");
        Files.writeString(newer.resolve("manifest.json"), m.toString());
        ExportVersionException version = assertThrows(ExportVersionException.class, () -> GAN.openGenerator(newer));
        assertTrue(version.getMessage().endsWith("manifest.json: format_version 2 was written by a newer gan4j (9.0.0); "
                + "this gan4j (" + Gan4j.version() + ") reads format_version up to 1; load it with a newer gan4j"),
                version.getMessage());

        Path truncated = copyOfExport(tmp.resolve("truncated"));
        JsonNode p0 = GeneratorExport.JSON.readTree(truncated.resolve("manifest.json").toFile()).get("parameters").get(0);
        Files.write(truncated.resolve(p0.get("file").asText()), new byte[4]);
        InvalidExportException broken = assertThrows(InvalidExportException.class, () -> GAN.openGenerator(truncated));
        assertTrue(broken.getMessage().contains("has 4 bytes; parameter '" + p0.get("name").asText()), broken.getMessage());

        try (TrainedGenerator g = GAN.openGenerator(export)) {
            LatentSizeException size = assertThrows(LatentSizeException.class,
                    () -> g.generate(new float[][] {{1f, 2f}, {1f, 2f, 3f}}));
            assertEquals("latent vector 1 has 3 values; this generator takes 2 (its latent.dim)", size.getMessage());
            ClassIdException classes = assertThrows(ClassIdException.class,
                    () -> g.generateForClasses(new int[] {1}, 0));
            assertEquals("this generator is not class-conditional; call generate without class ids", classes.getMessage());
            assertThrows(ConditionException.class, () -> g.generateFromConditions(new float[][] {{0f}}, 0));
        }
    }

    @Test
    void interpolationHelpersEndAtBothPoints() {
        float[] a = {1f, 0f};
        float[] b = {0f, 1f};
        float[][] line = LatentInterpolation.linear(a, b, 5);
        assertArrayEquals(a, line[0]);
        assertArrayEquals(b, line[4]);
        assertArrayEquals(new float[] {0.5f, 0.5f}, line[2]);
        float[][] arc = LatentInterpolation.spherical(a, b, 3);
        assertEquals(Math.sqrt(0.5), arc[1][0], 1e-6, "the midpoint stays on the unit circle");
        assertEquals(1.0, Math.hypot(arc[1][0], arc[1][1]), 1e-6);
        assertThrows(LatentSizeException.class, () -> LatentInterpolation.linear(a, new float[3], 2));
    }

    private static Path copyOfExport(Path target) throws IOException {
        Files.createDirectories(target.resolve("parameters"));
        try (var files = Files.walk(export)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(export.relativize(f).toString()));
            }
        }
        return target;
    }
}
