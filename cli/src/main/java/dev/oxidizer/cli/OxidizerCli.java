package dev.oxidizer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Entry point of the {@code oxidizer} command. Subcommands live in their own classes, one per role.
 *
 * <p>Errors are printed as one line {@code oxidizer <command>: <what was wrong>; <what is accepted>} on
 * stderr, with a distinct exit code from {@link ExitCodes}. Unexpected exceptions print one line plus
 * a hint to rerun with {@code OXIDIZER_DEBUG=1} for the stack trace.
 */
@Command(name = "oxidizer",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Profiling-driven advisor: which JVM methods pay off if rewritten in Rust.",
                "",
                "Typical loop: run (or attach) -> analyze -> report -> generate -> build -> verify.",
                "'oxidizer demo' does the whole loop on the bundled demo application."},
        subcommands = {
                RunCommand.class,
                AttachCommand.class,
                DetachCommand.class,
                AnalyzeCommand.class,
                ReportCommand.class,
                GenerateCommand.class,
                BuildCommand.class,
                VerifyCommand.class,
                AdviseCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:analyze --fail-on-score found a candidate at or above the score",
                "2:bad option or argument",
                "3:no JDK 22+ found (launcher)",
                "4:bad input file",
                "5:a tool it ran failed (cargo, javac, the observed JVM)",
                "6:refused to overwrite or to write outside the output folder",
                "7:verify: the Rust port disagrees with Java (or is not written yet)",
                "64:subcommand not built yet",
                "70:internal error"})
public final class OxidizerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured picocli command line (used by {@link #main} and by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OxidizerCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CliException ce) {
                err.println("oxidizer " + commandLine.getCommandName() + ": " + ce.getMessage());
                err.flush();
                return ce.exitCode();
            }
            err.println("oxidizer " + commandLine.getCommandName() + ": internal error: " + ex
                    + (System.getenv("OXIDIZER_DEBUG") == null ? " (rerun with OXIDIZER_DEBUG=1 for the stack trace)" : ""));
            if (System.getenv("OXIDIZER_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
