package dev.oxidizer.analyzer.fleet;

/** A fleet source that cannot be read; the message is one line naming what was wrong and what is accepted. */
public final class FleetException extends Exception {
    /** What went wrong, so that the CLI can exit with a distinct code per kind. */
    public enum Kind {
        /** The URL, range or selector is malformed, or the server rejected the query built from them. */
        BAD_OPTION,
        /** The server could not be reached, timed out, or answered with an error that is not about the query. */
        UNREACHABLE,
        /** The server answered, but holds no Oxidizer agent series for the selector in the range. */
        NO_DATA
    }

    private final Kind kind;

    public FleetException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
