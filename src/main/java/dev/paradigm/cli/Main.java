package dev.paradigm.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar paradigm.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = ParadigmCommand.commandLine().execute(args);
        dev.paradigm.runtime.PythonRuntime.shutdownIfStarted();
        System.exit(code);
    }

    /** Kept for symmetry with picocli examples: builds the command line a test can drive. */
    static CommandLine commandLine() {
        return ParadigmCommand.commandLine();
    }
}
