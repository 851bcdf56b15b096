package dev.paradigm.cli;

import dev.paradigm.config.ConfigException;
import dev.paradigm.runtime.BuildInfo;
import dev.paradigm.runtime.PythonEnvironmentException;
import dev.paradigm.runtime.PythonException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code paradigm} command: one subcommand per stage. */
@Command(
        name = "paradigm",
        mixinStandardHelpOptions = true,
        versionProvider = ParadigmCommand.Version.class,
        description = "A controlled comparison of autoregressive and masked-diffusion language models.",
        subcommands = {
            DoctorCommand.class,
            PrepareCommand.class,
            TrainCommand.class,
            SampleCommand.class,
            EvaluateCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            ConfigCommand.class,
            BenchCommand.class,
            AutoComplete.GenerateCompletion.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command failed (the message says which stage and why)",
            "2:invalid command line or configuration",
            "3:the Python environment is missing or broken (run `make setup`)",
        })
public final class ParadigmCommand {

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ParadigmCommand());
        cli.setExecutionExceptionHandler(ParadigmCommand::handle);
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    /** Maps exception types to exit codes in one place, and prints a message a person can act on. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof ConfigException) {
            err.println(cli.getColorScheme().errorText("Configuration error: " + e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (e instanceof PythonEnvironmentException) {
            err.println(cli.getColorScheme().errorText("Python environment error: " + e.getMessage()));
            return ExitCodes.ENVIRONMENT;
        }
        if (e instanceof PythonException py) {
            err.println(cli.getColorScheme().errorText("Python error: " + py.getMessage()));
            if (!py.pythonTraceback().isEmpty()) {
                err.println(py.pythonTraceback());
            }
            return ExitCodes.FAILURE;
        }
        if (e instanceof CommandLine.ParameterException) {
            throw (CommandLine.ParameterException) e;
        }
        err.println(cli.getColorScheme().errorText("Error: " + e.getMessage()));
        if (System.getenv("PARADIGM_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo info = BuildInfo.load();
            return new String[] {"paradigm " + info.version() + " (Jep " + info.jepVersion() + ", Java "
                    + System.getProperty("java.version") + ")"};
        }
    }
}
