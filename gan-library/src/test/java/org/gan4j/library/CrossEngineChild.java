package org.gan4j.library;

import java.nio.file.Path;

/**
 * The PyTorch side of {@link CrossEngineExportTest}, run in a JVM of its own: trains the ring GAN on PyTorch and
 * exports it, and generates from the same latent vectors with the MXNet export and with its own.
 */
final class CrossEngineChild {
    private CrossEngineChild() {}

    public static void main(String[] args) throws Exception {
        Path mxExport = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Gan4j gan = Gan4j.discover();
        Path ptRun = CrossEngineExportTest.ring(gan, "pytorch").build().outDir(out.resolve("pt-run")).train().runDir();
        try (TrainedGenerator g = gan.openGenerator(ptRun)) {
            g.export(out.resolve("pt-export"), false);
            CrossEngineExportTest.write(out.resolve("pt-on-pt.bin"), g.generate(CrossEngineExportTest.latents()));
        }
        try (TrainedGenerator g = gan.openGenerator(mxExport)) {
            CrossEngineExportTest.write(out.resolve("mx-on-pt.bin"), g.generate(CrossEngineExportTest.latents()));
        }
        System.exit(0);
    }
}
