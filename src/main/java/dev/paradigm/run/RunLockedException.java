package dev.paradigm.run;

/** Another process, or another part of this one, already writes the run folder. */
public final class RunLockedException extends RuntimeException {
    public RunLockedException(String message) {
        super(message);
    }
}
