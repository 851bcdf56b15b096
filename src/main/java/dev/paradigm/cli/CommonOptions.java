package dev.paradigm.cli;

import picocli.CommandLine.Option;

/** Options every subcommand shares. */
public final class CommonOptions {
    @Option(names = "--python", paramLabel = "PATH",
            description = "Python environment (a venv folder or its python). Default: $PARADIGM_PYTHON, then ./.venv.")
    String python;

    @Option(names = {"-v", "--verbose"}, description = "Log debug details.")
    boolean verbose;
}
