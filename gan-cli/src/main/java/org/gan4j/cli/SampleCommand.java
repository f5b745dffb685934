package org.gan4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gan4j.core.GanFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a run's saved generator into a PNG (image grid, scatter or histogram).")
final class SampleCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory")
    Path runDir;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", defaultValue = "samples.png", description = "PNG to write (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "noise seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "checkpoint to use (default: the newest valid one; e.g. RUN_DIR/checkpoints/best.ckpt)")
    Path checkpoint;

    @Override
    public Integer call() {
        if (n <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "invalid value for option '--n': must be a positive number of samples, got " + n);
        }
        Path from = GanCli.framework(spec).sampler().sample(runDir, n, seed, out, checkpoint);
        System.out.println("wrote " + out + " (" + n + " samples from " + from + ")");
        return 0;
    }
}
