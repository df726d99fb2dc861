package dev.oxidizer.cli;

/**
 * An expected failure of a subcommand: its message is printed as one line after
 * {@code oxidizer <command>: } and the process exits with {@link #exitCode()}.
 * The message says what was wrong and what is accepted.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
