package dev.paradigm.cli;

/** Entry point of {@code java -jar paradigm.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = ParadigmCommand.commandLine().execute(args);
        dev.paradigm.runtime.PythonRuntime.shutdownIfStarted();
        System.exit(code);
    }
}
