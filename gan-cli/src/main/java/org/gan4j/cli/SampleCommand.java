package org.gan4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunException;
import org.gan4j.core.output.UserImageFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a run's saved generator into a PNG or JPEG (image grid, scatter or histogram).")
final class SampleCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory")
    Path runDir;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", defaultValue = "samples.png",
            description = "image to write: .png or .jpg/.jpeg, the format follows the extension (default ${DEFAULT-VALUE}); "
                    + "an existing file is replaced only if gan sample wrote it, or with --overwrite")
    Path out;

    @Option(names = "--overwrite", description = "replace --out even if it is not an earlier output of gan sample")
    boolean overwrite;

    @Option(names = "--seed", defaultValue = "0", description = "noise seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "checkpoint to use (default: the newest valid one; e.g. RUN_DIR/checkpoints/best.ckpt)")
    Path checkpoint;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "engine to sample on: mxnet or pytorch (default: the one the run trained on)")
    String engine;

    @Override
    public Integer call() {
        if (n <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "invalid value for option '--n': must be a positive number of samples, got " + n);
        }
        // Every path is checked before the run is loaded: a mistake answers at once, with the user's path.
        UserImageFile target = UserImageFile.check(out, "--out", overwrite);
        if (checkpoint != null) {
            if (Files.isDirectory(checkpoint)) {
                throw new RunException("--checkpoint " + checkpoint + " is a folder; name a checkpoint file, e.g. "
                        + checkpoint.resolve("best.ckpt"));
            }
            if (!Files.exists(checkpoint)) {
                throw new RunException("--checkpoint " + checkpoint + ": no such file");
            }
        }
        Path from = GanCli.framework(spec).sampler().sample(runDir, n, seed, target, checkpoint, engine);
        System.out.println("wrote " + out + " (" + n + " samples from " + from + ")");
        return 0;
    }
}
