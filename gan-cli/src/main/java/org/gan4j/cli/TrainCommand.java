package org.gan4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.gan4j.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train an experiment.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigArguments arguments = new ConfigArguments();

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: output.dir, else runs/<config name>)")
    Path out;

    @Option(names = "--overwrite", description = "replace an existing run in the run directory")
    boolean overwrite;

    @Override
    public Integer call() {
        GanFramework framework = GanFramework.discover();
        ConfigLoader.Loaded loaded = framework.configLoader().load(arguments.config, arguments.overrides);
        boolean interactive = System.console() != null;
        ExperimentRunner.Result result = framework.runner().run(loaded, new RunOptions(out, overwrite, interactive));
        System.out.println("run directory: " + result.runDir());
        result.summary().finalMetrics().forEach((k, v) -> System.out.printf("  %s = %.6g%n", k, v));
        return 0;
    }
}
