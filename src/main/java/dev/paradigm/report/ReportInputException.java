package dev.paradigm.report;

/** A run folder file is missing or malformed; the message names the file and the stage that writes it. */
public final class ReportInputException extends RuntimeException {
    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
