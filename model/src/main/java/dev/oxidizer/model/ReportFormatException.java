package dev.oxidizer.model;

/** A report file that is not a readable Oxidizer report; the message names the file and what was wrong. */
public final class ReportFormatException extends Exception {
    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportFormatException(String message) {
        super(message);
    }
}
