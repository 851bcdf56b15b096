package dev.paradigm.cli;

import dev.paradigm.config.ConfigException;
import dev.paradigm.runtime.BuildInfo;
import dev.paradigm.runtime.PythonEnvironmentException;
import dev.paradigm.runtime.PythonException;
import dev.paradigm.train.TrainingStoppedException;
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
            ExportCommand.class,
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
            "130:training stopped on Ctrl-C (SIGINT) after writing a checkpoint; the same command resumes it",
            "138:training stopped on SIGUSR1 after writing a checkpoint (a scheduler's warning); the same command resumes",
            "143:training stopped on SIGTERM after writing a checkpoint (preemption, scancel); the same command resumes",
        })
public final class ParadigmCommand {

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ParadigmCommand());
        cli.setExecutionStrategy(ParadigmCommand::execute);
        cli.setExecutionExceptionHandler(ParadigmCommand::handle);
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    /**
     * Runs the chosen subcommand at the log level {@code -v} asks for. Its error message is printed here, before the
     * run log (which the subcommand may have opened) is closed, so the log says how the command ended.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult innermost = parsed;
        while (innermost.hasSubcommand()) {
            innermost = innermost.subcommand();
        }
        LogLevel.verbose(innermost.hasMatchedOption("--verbose"));
        Integer code = null;
        try {
            code = new CommandLine.RunLast().execute(parsed);
        } catch (CommandLine.ExecutionException e) {
            if (!(e.getCause() instanceof Exception cause)) {
                throw e;
            }
            code = handle(cause, e.getCommandLine(), parsed);
        } finally {
            RunLog.close(code);
        }
        return code;
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
        if (e instanceof TrainingStoppedException stopped) {
            err.println(stopped.getMessage());
            return stopped.exitCode();
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
