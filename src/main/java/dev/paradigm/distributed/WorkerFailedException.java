package dev.paradigm.distributed;

import java.util.List;

/** A worker of a distributed run ended with a non-zero exit code; the launcher stopped the others. */
public final class WorkerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int rank;
    private final int exitCode;

    public WorkerFailedException(int rank, int exitCode, List<String> lastStderrLines) {
        super(message(rank, exitCode, lastStderrLines));
        this.rank = rank;
        this.exitCode = exitCode;
    }

    public int rank() {
        return rank;
    }

    public int exitCode() {
        return exitCode;
    }

    private static String message(int rank, int exitCode, List<String> lines) {
        String signal = exitCode > 128 && exitCode < 160 ? " (killed by signal " + (exitCode - 128) + ")" : "";
        String tail = lines.isEmpty() ? "\n  (it wrote nothing to stderr)"
                : "\n  " + String.join("\n  ", lines);
        return "Worker rank " + rank + " exited with code " + exitCode + signal
                + "; the other workers were stopped. Last lines of its stderr:" + tail;
    }
}
