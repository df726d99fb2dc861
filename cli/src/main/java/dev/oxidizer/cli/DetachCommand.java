package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer detach}: Restore the original code in a JVM the agent was attached to. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "detach", mixinStandardHelpOptions = true,
        description = {"Restore the original code in a JVM the agent was attached to.", "", "NOT BUILT YET in this version (tracked as issue #3): exits 64."})
final class DetachCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #3); nothing was done");
    }
}
