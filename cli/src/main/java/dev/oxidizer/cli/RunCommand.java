package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer run}: Start a Java program under the Oxidizer agent: oxidizer run [options] -- <java args>. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start a Java program under the Oxidizer agent: oxidizer run [options] -- <java args>.", "", "NOT BUILT YET in this version (tracked as issue #3): exits 64."})
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #3); nothing was done");
    }
}
