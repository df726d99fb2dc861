package dev.oxidizer.verify;

/** Verification could not be carried out or did not pass; the message says what and where. */
public final class VerifyException extends Exception {
    /** What kind of failure, so a front-end can map it to an exit code. */
    public enum Kind {
        /** The folder is not a generated port, or a file in it is malformed. */
        BAD_INPUT,
        /** A tool failed: cargo, javac, a forked JVM timed out or crashed. */
        TOOL_FAILED,
        /** Everything ran, and the port disagrees with Java (or is not written yet). */
        MISMATCH
    }

    private final Kind kind;

    public VerifyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VerifyException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
