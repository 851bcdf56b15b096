package dev.paradigm.cli;

import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonRuntime;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every subcommand shares, and what every command does the same way. */
public final class CommonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "Python environment (a venv folder or its python). Default: $PARADIGM_PYTHON, then ./.venv.")
    String python;

    @Option(names = {"-v", "--verbose"}, description = "Log debug details.")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Starts (or reuses) the embedded Python this command runs on, once the environment has everything a stage
     * needs (exit 3 with the command that fixes it, otherwise).
     */
    PythonRuntime startPython() {
        return PythonRuntime.start(PythonEnvironment.locate(python));
    }

    /** Locks {@code run} for this command (refused, naming the holder, while another command writes it). */
    RunLock lock(RunFolder run) {
        RunLock.describeHolderAs(commandLine());
        return RunLock.acquire(run);
    }

    /** This command as typed, e.g. {@code paradigm sample --run-dir runs/demo --paradigm ar}. */
    private String commandLine() {
        var parsed = command.root().commandLine().getParseResult();
        var args = parsed == null ? java.util.List.<String>of() : parsed.originalArgs();
        return "paradigm " + args.stream().map(a -> a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a)
                .collect(Collectors.joining(" "));
    }
}
