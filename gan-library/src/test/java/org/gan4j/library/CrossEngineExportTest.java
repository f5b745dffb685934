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
 * trains the same ring GAN on PyTorch and exports it, and loads this JVM's MXNet export; both sides generate
 * from the same latent vectors.
 */
class CrossEngineExportTest {
    /** Float32 networks of different kernels: equal up to rounding of a few ulps of values around 1. */
    static final float TOLERANCE = 1e-5f;
    @TempDir
    Path tmp;

    static ExperimentBuilder ring(Gan4j gan, String engine) {
        return LibraryTrainingTest.ring("cross-" + engine, 30).set("engine", engine)
                .set("model", java.util.Map.of("type", "mlp", "hidden", List.of(32, 32)));
    }

    /** Fixed latent vectors both JVMs use. */
    static float[][] latents() {
        float[][] z = new float[64][2];
        for (int i = 0; i < z.length; i++) {
            z[i][0] = (float) (2 * Math.sin(i * 1.7));
            z[i][1] = (float) (2 * Math.cos(i * 0.9));
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
            mxOnMx = g.generate(latents());
        }

        Path child = tmp.resolve("child");
        Files.createDirectories(child);
        runPyTorchChild(mxExport, child);
        float[][] mxOnPt = read(child.resolve("mx-on-pt.bin"));
        float[][] ptOnPt = read(child.resolve("pt-on-pt.bin"));
        assertClose(mxOnMx, mxOnPt, "the MXNet export on PyTorch");

        Path ptExport = child.resolve("pt-export");
        assertEquals("pytorch", GeneratorExport.readManifest(ptExport).engine());
        try (TrainedGenerator g = gan.openGenerator(ptExport)) {
            assertClose(ptOnPt, g.generate(latents()), "the PyTorch export on MXNet");
        }
    }

    private static void assertClose(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst + " > " + TOLERANCE);
        assertTrue(Math.abs(expected[0][0]) > 1e-3, "samples are not trivially zero");
    }

    private void runPyTorchChild(Path mxExport, Path out) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true",
                "-Dai.djl.default_engine=PyTorch", "-cp", classPath, CrossEngineChild.class.getName(),
                mxExport.toString(), out.toString()));
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
