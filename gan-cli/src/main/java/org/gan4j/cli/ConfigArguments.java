package org.gan4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config file and its overrides, shared by the commands that read an experiment. */
final class ConfigArguments {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "experiment YAML file")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a config value, e.g. --set trainer.steps=500 (repeatable)")
    List<String> overrides = new ArrayList<>();

    /** The config file, which must have been given. */
    Path required(picocli.CommandLine.Model.CommandSpec spec) {
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'CONFIG'");
        }
        return config;
    }
}
