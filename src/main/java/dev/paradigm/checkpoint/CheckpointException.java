package dev.paradigm.checkpoint;

/** A checkpoint could not be written, read or used; the message says what was expected and found. */
public class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
