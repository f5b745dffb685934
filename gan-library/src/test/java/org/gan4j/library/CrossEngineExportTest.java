package org.gan4j.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export from each engine loads on the other and gives the same samples within float tolerance. This JVM
 * runs MXNet; a child JVM runs PyTorch (one engine per process: their OpenMP runtimes differ). The child
 * trains the same ring GAN and a tiny DCGAN (transposed convolutions, BatchNorm statistics) on PyTorch and
 * exports them, and loads this JVM's MXNet exports; both sides generate from the same latent vectors.
 */
class CrossEngineExportTest {
    /** Float32 networks on different kernels: equal up to float rounding of values around 1. */
    static final float TOLERANCE = 1e-4f;
    @TempDir
    Path tmp;

    static ExperimentBuilder ring(Gan4j gan, String engine) {
        return LibraryTrainingTest.ring("cross-" + engine, 30).set("engine", engine)
                .set("model", java.util.Map.of("type", "mlp", "hidden", List.of(32, 32)));
    }

    /**
     * A tiny DCGAN on the embedded Fashion-MNIST: transposed convolutions and BatchNorm statistics; weights drawn
     * wide (init_std 0.3) so that three steps already give outputs far from 0.
     */
    static ExperimentBuilder dcgan(Gan4j gan, String engine) {
        return gan.newExperiment("cross-dcgan-" + engine).set("seed", 2).set("engine", engine)
                .set("data", java.util.Map.of("type", "idx", "limit", 64)).set("latent.dim", 8)
                .set("model", java.util.Map.of("type", "dcgan", "base_width", 4, "init_std", 0.3)).set("loss.type", "non-saturating")
                .set("trainer.steps", 3).set("trainer.batch_size", 8).set("trainer.log_every", 1)
                .set("eval.samples", 8).set("output.plots", false);
    }

    /** Fixed latent vectors of {@code dim} values both JVMs use. */
    static float[][] latents(int dim) {
        float[][] z = new float[16][dim];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < dim; j++) {
                z[i][j] = (float) (2 * Math.sin(i * 1.7 + j * 0.9));
            }
        }
        return z;
    }

    @Test
    void exportsLoadOnTheOtherEngineWithTheSameSamples() throws Exception {
        Gan4j gan = LibraryTrainingTest.GAN;
        Path mxRun = ring(gan, "mxnet").build().outDir(tmp.resolve("mx-run")).train().runDir();
        Path mxExport = tmp.resolve("mx-export");
        float[][] mxOnMx;
        try (TrainedGenerator g = gan.openGenerator(mxRun)) {
            assertEquals("mxnet", g.export(mxExport, false).engine());
            mxOnMx = g.generate(latents(2));
        }
        Path mxDcgan = dcgan(gan, "mxnet").build().outDir(tmp.resolve("mx-dcgan-run")).train().runDir();
        float[][] mxDcganOnMx;
        try (TrainedGenerator g = gan.openGenerator(mxDcgan)) {
            g.export(tmp.resolve("mx-dcgan-export"), false);
            mxDcganOnMx = g.generate(latents(8));
        }

        Path child = tmp.resolve("child");
        Files.createDirectories(child);
        runPyTorchChild(tmp, child);
        assertClose(mxOnMx, read(child.resolve("mx-on-pt.bin")), "the MXNet ring export on PyTorch");
        assertClose(mxDcganOnMx, read(child.resolve("mx-dcgan-on-pt.bin")), "the MXNet DCGAN export on PyTorch");

        Path ptExport = child.resolve("pt-export");
        assertEquals("pytorch", GeneratorExport.readManifest(ptExport).engine());
        try (TrainedGenerator g = gan.openGenerator(ptExport)) {
            assertClose(read(child.resolve("pt-on-pt.bin")), g.generate(latents(2)), "the PyTorch ring export on MXNet");
        }
        try (TrainedGenerator g = gan.openGenerator(child.resolve("pt-dcgan-export"))) {
            assertClose(read(child.resolve("pt-dcgan-on-pt.bin")), g.generate(latents(8)),
                    "the PyTorch DCGAN export on MXNet");
        }
    }

    private static void assertClose(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length);
        float worst = 0;
        float largest = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
                largest = Math.max(largest, Math.abs(expected[i][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst + " > " + TOLERANCE);
        assertTrue(largest > 1e-2, what + ": samples are not trivially zero (largest " + largest + ")");
    }

    private void runPyTorchChild(Path mxExports, Path out) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true",
                "-Dai.djl.default_engine=PyTorch", "-cp", classPath, CrossEngineChild.class.getName(),
                mxExports.toString(), out.toString()));
        Path log = out.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(done, "the PyTorch JVM did not finish:\n" + output);
        assertEquals(0, p.exitValue(), "the PyTorch JVM failed:\n" + output);
    }

    static void write(Path file, float[][] samples) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(samples.length);
            out.writeInt(samples[0].length);
            for (float[] row : samples) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
        }
    }

    static float[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            float[][] samples = new float[in.readInt()][in.readInt()];
            for (float[] row : samples) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = in.readFloat();
                }
            }
            return samples;
        }
    }
}
