package org.gan4j.cli;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.api.engine.EngineLoadException;
import org.gan4j.core.GanFramework;
import org.gan4j.core.RunException;
import org.gan4j.core.plugin.PluginLoadException;
import picocli.CommandLine.Model.CommandSpec;
import org.gan4j.core.checkpoint.IncompatibleCheckpointException;
import org.gan4j.core.config.ConfigException;
import org.gan4j.core.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gan} command. Exit codes: 0 done, 1 runtime failure, 2 usage or config error. */
@Command(name = "gan", mixinStandardHelpOptions = true, version = "gan4j 0.1.0",
        description = "Train, validate and inspect pluggable GAN experiments.",
        subcommands = {TrainCommand.class, ValidateCommand.class, SampleCommand.class, PluginsCommand.class,
            BenchCommand.class, PerfCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:runtime failure (data, training, checkpoint, output)",
            "2:usage or config error", "130:interrupted by SIGINT (Ctrl-C) after writing a checkpoint",
            "143:interrupted by SIGTERM after writing a checkpoint"})
public final class GanCli {
    static final int RUNTIME_FAILURE = 1;
    static final int USAGE = 2;

    /** Environment variable with the same meaning as --plugins (folders separated by ':'). */
    static final String PLUGINS_ENV = "GAN_PLUGINS";

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print stack traces of errors")
    boolean debug;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "load every jar in DIR as a plugin, each in its own class loader (repeatable; "
                    + "also from $" + PLUGINS_ENV + ", folders separated by ':')")
    List<Path> pluginFolders = new ArrayList<>();

    /** The framework with the built-in plugins and those of --plugins and $GAN_PLUGINS. */
    static GanFramework framework(CommandSpec spec) {
        List<Path> folders = new ArrayList<>();
        String env = System.getenv(PLUGINS_ENV);
        if (env != null && !env.isBlank()) {
            for (String f : env.split(java.io.File.pathSeparator)) {
                if (!f.isBlank()) {
                    folders.add(Path.of(f));
                }
            }
        }
        if (spec.root().userObject() instanceof GanCli root) {
            folders.addAll(root.pluginFolders);
        }
        return GanFramework.discover(folders);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine cli = new CommandLine(new GanCli());
        cli.setExitCodeExceptionMapper(GanCli::exitCode);
        cli.setParameterExceptionHandler((e, arguments) -> {
            // One line saying what is wrong and what is accepted, not the whole usage text.
            PrintWriter err = e.getCommandLine().getErr();
            err.println("gan: " + usageMessage(e));
            if (java.util.Arrays.asList(arguments).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean debug = line.getCommandSpec().root().userObject() instanceof GanCli g && g.debug;
            line.getErr().println("gan: " + message(e));
            if (debug) {
                e.printStackTrace(line.getErr());
            } else if (exitCode(e) == RUNTIME_FAILURE && !(e instanceof RunException)
                    && !(e instanceof TrainingDivergedException) && !(e instanceof IncompatibleCheckpointException)
                    && !(e instanceof PluginLoadException) && !(e instanceof EngineLoadException)) {
                line.getErr().println("(run with --debug for the stack trace)");
            }
            line.getErr().flush();
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /**
     * A usage error as one line: the command, what is wrong, what is accepted there, and where the
     * full help is, e.g. {@code train: unknown option '--outt' (did you mean --out?); options: ...}.
     */
    static String usageMessage(CommandLine.ParameterException e) {
        CommandLine line = e.getCommandLine();
        CommandSpec spec = line.getCommandSpec();
        boolean root = spec.parent() == null;
        String name = spec.qualifiedName(" ");
        String help = "; see '" + name + " --help'";
        String prefix = root ? "" : spec.name() + ": ";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            String didYouMean = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            if (arg.startsWith("-") && !arg.equals("-")) {
                List<String> options = spec.options().stream().map(o -> o.longestName()).sorted().toList();
                return prefix + "unknown option '" + arg + "'" + didYouMean + "; options: "
                        + String.join(", ", options) + help;
            }
            if (root && !spec.subcommands().isEmpty()) {
                return "unknown command '" + arg + "'" + didYouMean + "; commands: "
                        + String.join(", ", spec.subcommands().keySet()) + help;
            }
            List<String> positionals = spec.positionalParameters().stream().map(p -> p.paramLabel()).toList();
            return prefix + "unexpected argument '" + arg + "'; " + name + " takes "
                    + (positionals.isEmpty() ? "no arguments" : String.join(" ", positionals)) + " and options" + help;
        }
        String m = e.getMessage() == null ? "invalid arguments" : e.getMessage();
        if (!m.isEmpty() && Character.isUpperCase(m.charAt(0)) && (m.length() < 2 || !Character.isUpperCase(m.charAt(1)))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return prefix + m + help;
    }

    static int exitCode(Throwable e) {
        return e instanceof ConfigException || e instanceof CommandLine.ParameterException ? USAGE : RUNTIME_FAILURE;
    }

    private static String message(Throwable e) {
        if (e instanceof IncompatibleCheckpointException) {
            String m = e.getMessage();
            String other = m.contains(" parameter") ? "another model (architecture or layer sizes)"
                    : "other plugin parts (with state of their own)";
            return "incompatible checkpoint: " + m.replace(" (another architecture?)", "")
                    + "; it was written for " + other + ": use the config the run "
                    + "was trained with (gan train THAT.yaml --resume RUN_DIR), or train into a new directory";
        }
        if (e instanceof ConfigException || e instanceof RunException || e instanceof TrainingDivergedException
                || e instanceof IncompatibleCheckpointException || e instanceof PluginLoadException
                || e instanceof EngineLoadException) {
            return e.getMessage();
        }
        if (e instanceof JsonMappingException j) {
            return j.getOriginalMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
