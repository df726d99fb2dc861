package dev.oxidizer.cli;

/**
 * Exit codes of the {@code oxidizer} command, one per kind of outcome, so scripts can tell them apart.
 * They are documented in {@code docs/cli.md}.
 */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** {@code analyze --fail-on-score}: a candidate at or above the given score was found. */
    public static final int CANDIDATE_FOUND = 1;
    /** Bad option or argument (picocli's usage error code). */
    public static final int USAGE = 2;
    /** No usable JDK 22+ (from the launcher script). */
    public static final int NO_JDK = 3;
    /** Bad input: unreadable, damaged or wrong-format file, unknown method. */
    public static final int BAD_INPUT = 4;
    /** A tool the command runs failed (cargo, javac, the observed JVM). */
    public static final int TOOL_FAILED = 5;
    /** Refused to overwrite or write outside the output folder. */
    public static final int REFUSED = 6;
    /** {@code verify}: the port disagrees with the Java original (or is not written yet). */
    public static final int VERIFY_FAILED = 7;
    /** {@code analyze}: the recordings did not fit in the CLI's heap (the message says how to give it more). */
    public static final int OUT_OF_MEMORY = 8;
    /**
     * {@code analyze --prometheus}: the server could not be reached, timed out, or did not answer as Prometheus;
     * nothing was written.
     */
    public static final int SOURCE_UNAVAILABLE = 9;
    /** The subcommand is not built yet in this version. */
    public static final int NOT_IMPLEMENTED = 64;
    /** An unexpected internal error (a bug in Oxidizer). */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
