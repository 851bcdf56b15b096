package dev.paradigm.train;

/**
 * Training stopped on a {@link StopSignal} after writing a checkpoint; running the same command again resumes it.
 * The command line exits with {@link #exitCode()}.
 */
public final class TrainingStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StopSignal signal;

    public TrainingStoppedException(String message, StopSignal signal) {
        super(message);
        this.signal = signal;
    }

    /** Stopped at {@code step}, with the checkpoint of that step written. */
    public static TrainingStoppedException atStep(long step, StopSignal signal) {
        return new TrainingStoppedException("Stopped at step " + step + " on " + signal.description()
                + "; a checkpoint was written. Run the same command to resume.", signal);
    }

    public StopSignal signal() {
        return signal;
    }

    public int exitCode() {
        return signal.exitCode();
    }
}
