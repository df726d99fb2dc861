package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer attach}: Attach the agent to a running JVM by pid; already loaded classes are retransformed. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach the agent to a running JVM by pid; already loaded classes are retransformed.", "", "NOT BUILT YET in this version (tracked as issue #3): exits 64."})
final class AttachCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #3); nothing was done");
    }
}
