package dev.paradigm.cli;

import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonRuntime;
import picocli.CommandLine.Option;

/** Options every subcommand shares. */
public final class CommonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "Python environment (a venv folder or its python). Default: $PARADIGM_PYTHON, then ./.venv.")
    String python;

    @Option(names = {"-v", "--verbose"}, description = "Log debug details.")
    boolean verbose;

    /** Starts (or reuses) the embedded Python this command runs on. */
    PythonRuntime startPython() {
        return PythonRuntime.start(PythonEnvironment.locate(python));
    }
}
