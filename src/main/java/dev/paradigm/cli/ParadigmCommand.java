package dev.paradigm.cli;

import dev.paradigm.config.ConfigException;
import dev.paradigm.pipeline.StageFailedException;
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
            "1:the command failed (the message says which stage and why), or another command is writing the run folder",
            "2:invalid command line, configuration or data (the message names the option or key)",
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

    /**
     * Maps exception types to exit codes in one place, and prints a message a person can act on. A stage that failed
     * takes its code from its cause (a bad setting or bad data is still exit 2). Stack traces and Python tracebacks
     * are for developers: shown with PARADIGM_DEBUG=1.
     */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof CommandLine.ParameterException parameter) {
            throw parameter;
        }
        var err = cli.getErr();
        if (e instanceof TrainingStoppedException stopped) {
            err.println(stopped.getMessage());
            return stopped.exitCode();
        }
        boolean debug = System.getenv("PARADIGM_DEBUG") != null;
        Throwable cause = e instanceof StageFailedException && e.getCause() != null ? e.getCause() : e;
        String message = e instanceof PythonException py && isDataError(py) ? py.pythonMessage() : e.getMessage();
        err.println(cli.getColorScheme().errorText(label(e) + message));
        if (cause instanceof PythonException py && !isDataError(py) && !py.pythonTraceback().isEmpty()) {
            err.println(debug ? py.pythonTraceback() : "(Set PARADIGM_DEBUG=1 to see the Python traceback.)");
        } else if (debug) {
            e.printStackTrace(err);
        }
        return exitCode(cause);
    }

    static int exitCode(Throwable cause) {
        if (cause instanceof ConfigException || (cause instanceof PythonException py && isDataError(py))) {
            return ExitCodes.USAGE;
        }
        return cause instanceof PythonEnvironmentException ? ExitCodes.ENVIRONMENT : ExitCodes.FAILURE;
    }

    private static String label(Exception e) {
        if (e instanceof ConfigException) {
            return "Configuration error: ";
        }
        if (e instanceof PythonEnvironmentException) {
            return "Python environment error: ";
        }
        if (e instanceof PythonException py) {
            return isDataError(py) ? "Data error: " : "Python error: ";
        }
        return "Error: ";
    }

    /** Python's DataError: the data does not fit the settings (the message names the key), a usage error. */
    private static boolean isDataError(PythonException e) {
        return "DataError".equals(e.pythonType());
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
