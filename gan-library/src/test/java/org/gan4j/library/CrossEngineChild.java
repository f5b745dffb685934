package org.gan4j.library;

import java.nio.file.Path;

/**
 * The PyTorch side of {@link CrossEngineExportTest}, run in a JVM of its own: trains the ring GAN on PyTorch and
 * exports it, and generates from the same latent vectors with the MXNet export and with its own.
 */
final class CrossEngineChild {
    private CrossEngineChild() {}

    public static void main(String[] args) throws Exception {
        Path mxExports = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Gan4j gan = Gan4j.discover();
        Path ptRun = CrossEngineExportTest.ring(gan, "pytorch").build().outDir(out.resolve("pt-run")).train().runDir();
        exportAndSample(gan, ptRun, out.resolve("pt-export"), out.resolve("pt-on-pt.bin"), 2);
        Path ptDcgan = CrossEngineExportTest.dcgan(gan, "pytorch").build().outDir(out.resolve("pt-dcgan-run")).train()
                .runDir();
        exportAndSample(gan, ptDcgan, out.resolve("pt-dcgan-export"), out.resolve("pt-dcgan-on-pt.bin"), 8);
        sample(gan, mxExports.resolve("mx-export"), out.resolve("mx-on-pt.bin"), 2);
        sample(gan, mxExports.resolve("mx-dcgan-export"), out.resolve("mx-dcgan-on-pt.bin"), 8);
        System.exit(0);
    }

    private static void exportAndSample(Gan4j gan, Path run, Path export, Path samples, int dim) throws Exception {
        try (TrainedGenerator g = gan.openGenerator(run)) {
            g.export(export, false);
            CrossEngineExportTest.write(samples, g.generate(CrossEngineExportTest.latents(dim)));
        }
    }

    private static void sample(Gan4j gan, Path export, Path samples, int dim) throws Exception {
        try (TrainedGenerator g = gan.openGenerator(export)) {
            CrossEngineExportTest.write(samples, g.generate(CrossEngineExportTest.latents(dim)));
        }
    }
}
