package dev.oxidizer.analyzer;

/**
 * Input the analyzer cannot use at all: not a JFR file, an empty file, no readable chunk, an unreadable
 * configuration. The message is one line naming the file, what was wrong and what is accepted.
 * (A recording that is only partly damaged is not an exception: it is analysed and reported as damaged.)
 */
public final class AnalysisException extends Exception {
    /** What kind of input was wrong, so a front-end can map it to an exit code. */
    public enum Kind { BAD_INPUT, BAD_CONFIG }

    private final Kind kind;

    public AnalysisException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AnalysisException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
