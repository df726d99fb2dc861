package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer report}: Render the analyzer's JSON report as one self-contained HTML file. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the analyzer's JSON report as one self-contained HTML file.", "", "NOT BUILT YET in this version (tracked as issue #5): exits 64."})
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #5); nothing was done");
    }
}
