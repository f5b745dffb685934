package org.gan4j.cli;

import java.util.concurrent.Callable;
import org.gan4j.core.GanFramework;
import org.gan4j.core.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment file without training.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigArguments arguments = new ConfigArguments();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--resolved", description = "print the config with every default filled in")
    boolean resolved;

    @Override
    public Integer call() {
        ConfigLoader loader = GanCli.framework(spec).configLoader();
        ConfigLoader.Loaded loaded = loader.load(arguments.required(spec), arguments.overrides);
        if (resolved) {
            System.out.print(loader.toYaml(loaded.config()));
        } else {
            System.out.println(arguments.config + ": ok");
        }
        return 0;
    }
}
