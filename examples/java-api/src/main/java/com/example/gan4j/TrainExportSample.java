package com.example.gan4j;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gan4j.api.train.StepStats;
import org.gan4j.api.train.TrainingListener;
import org.gan4j.library.Gan4j;
import org.gan4j.library.GeneratorManifest;
import org.gan4j.library.LatentInterpolation;
import org.gan4j.library.TrainedGenerator;
import org.gan4j.library.TrainingResult;

/**
 * Trains a small DCGAN on the embedded Fashion-MNIST from code (no YAML), exports its generator, loads the
 * export and writes a grid of samples and a row of interpolations.
 *
 * <p>Usage: {@code TrainExportSample OUT_DIR [STEPS]}; writes OUT_DIR/run, OUT_DIR/export, OUT_DIR/grid.png,
 * OUT_DIR/interpolation.png.
 */
public final class TrainExportSample {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "java-api-out");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Gan4j gan = Gan4j.discover();

        TrainingResult result = gan.newExperiment("java-api-dcgan")
                .set("seed", 1)
                .set("data", Map.of("type", "idx", "limit", 2000))
                .set("latent.dim", 32)
                .set("model", Map.of("type", "dcgan", "base_width", 16))
                .set("loss.type", "non-saturating")
                .set("trainer.steps", steps)
                .set("trainer.batch_size", 32)
                .set("trainer.log_every", Math.max(1, steps / 5))
                .set("eval.samples", 16)
                .set("output.plots", false)
                .build()
                .outDir(out.resolve("run"))
                .overwrite(true)
                .listener(new TrainingListener() {
                    @Override
                    public void onLog(StepStats s) {
                        System.out.printf("step %d  d_loss %.3f  g_loss %.3f%n", s.step(), s.discriminatorLoss(), s.generatorLoss());
                    }
                })
                .train();
        System.out.println("trained " + result.step() + " steps into " + result.runDir());

        Path export = out.resolve("export");
        try (TrainedGenerator trained = gan.openGenerator(result.runDir())) {
            GeneratorManifest m = trained.export(export, true);
            System.out.println("exported " + m.parameters().size() + " parameters to " + export);
        }

        try (TrainedGenerator g = gan.openGenerator(export)) {
            float[][] samples = g.generate(36, 7);
            BufferedImage grid = g.grid(samples, 6);
            Files.createDirectories(out);
            ImageIO.write(grid, "png", out.resolve("grid.png").toFile());

            float[][] ends = latentPair(g.latentDim(), 11);
            float[][] path = LatentInterpolation.spherical(ends[0], ends[1], 8);
            ImageIO.write(g.grid(g.generate(path), 8), "png", out.resolve("interpolation.png").toFile());
            System.out.println("wrote " + out.resolve("grid.png") + " (" + grid.getWidth() + "x" + grid.getHeight()
                    + ") and " + out.resolve("interpolation.png"));
        }
    }

    /** Two latent vectors drawn from N(0, 1) with {@code seed}: the ends of the interpolation. */
    private static float[][] latentPair(int dim, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] z = new float[2][dim];
        for (float[] row : z) {
            for (int i = 0; i < dim; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return z;
    }
}
