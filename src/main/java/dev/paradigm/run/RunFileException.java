package dev.paradigm.run;

/**
 * A run folder's file is missing, malformed, or of a format this paradigm does not read; the message names the
 * file and the command that writes it again.
 */
public final class RunFileException extends RuntimeException {
    public RunFileException(String message) {
        super(message);
    }

    public RunFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
