package dev.paradigm.runtime;

/** The Python environment is missing or unusable; the message says what and which command fixes it. */
public final class PythonEnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PythonEnvironmentException(String message) {
        super(message);
    }

    public PythonEnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
