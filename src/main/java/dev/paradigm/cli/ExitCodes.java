package dev.paradigm.cli;

/** Exit codes, documented in {@code --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int ENVIRONMENT = 3;

    private ExitCodes() {}
}
