package dev.paradigm.train;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signals that stop training cleanly: the loop finishes its step, writes a checkpoint and the process exits with
 * the shell's code for the signal (128 + its number on Linux), so a batch script can tell them apart. Ctrl-C sends
 * INT; a cluster's scheduler sends TERM before it kills a job (Slurm on preemption, after {@code scancel}, at the
 * time limit) and USR1 when asked to warn ahead ({@code #SBATCH --signal=USR1@120}). docs/operations.md shows a
 * batch script that requeues the job on these codes.
 */
public enum StopSignal {
    INT(130, "Ctrl-C (SIGINT)"),
    USR1(138, "SIGUSR1"),
    TERM(143, "SIGTERM");

    private final int exitCode;
    private final String description;

    StopSignal(int exitCode, String description) {
        this.exitCode = exitCode;
        this.description = description;
    }

    /** The process's exit code after stopping on this signal with its checkpoint written. */
    public int exitCode() {
        return exitCode;
    }

    /** How a person names it, e.g. "SIGTERM". */
    public String description() {
        return description;
    }

    /** The signal a process stopped on, read from its exit code (e.g. a worker's), if it is one of these. */
    public static Optional<StopSignal> ofExitCode(int code) {
        return Arrays.stream(values()).filter(s -> s.exitCode == code).findFirst();
    }
}
