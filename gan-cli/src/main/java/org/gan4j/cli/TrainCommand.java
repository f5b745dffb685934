package org.gan4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gan4j.core.ExperimentRunner;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunOptions;
import org.gan4j.core.config.ConfigLoader;
import org.gan4j.core.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an experiment, or continue one with --resume.",
            "With --resume and no CONFIG, the run's own config.yaml is used (or, when it is missing, the config",
            "in its newest checkpoint); relative data paths then resolve as in the original run."})
final class TrainCommand implements Callable<Integer> {
    /** Exit code after SIGINT/SIGTERM stopped the run (a checkpoint was written). */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments arguments = new ConfigArguments();

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: output.dir, else runs/<config name>)")
    Path out;

    @Option(names = "--overwrite", description = "replace an existing run in the run directory (removes only the files a run writes)")
    boolean overwrite;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue the run in RUN_DIR from its newest valid checkpoint")
    Path resume;

    @Override
    public Integer call() {
        if (resume != null && (out != null || overwrite)) {
            throw new ParameterException(spec.commandLine(), "--resume continues a run in place; drop --out/--overwrite");
        }
        Path config = arguments.config != null ? arguments.config
                : resume != null ? RunDirectory.openForResume(resume).configForResume() : arguments.required(spec);
        GanFramework framework = GanCli.framework(spec);
        ConfigLoader.Loaded loaded = framework.configLoader().load(config, arguments.overrides);
        boolean interactive = System.console() != null;
        ExperimentRunner.Result result = framework.runner().run(loaded,
                new RunOptions(out, overwrite, interactive, resume));
        System.out.println("run directory: " + result.runDir());
        System.out.println(RunReport.resultLine(result.summary().finalMetrics()));
        RunReport.picturesLine(result.runDir()).ifPresent(System.out::println);
        return result.interrupted() ? INTERRUPTED : 0;
    }
}
