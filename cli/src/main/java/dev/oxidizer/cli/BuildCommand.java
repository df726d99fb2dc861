package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer build}: Build a generated crate with cargo and place the library where the wrapper finds it. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a generated crate with cargo and place the library where the wrapper finds it.", "", "NOT BUILT YET in this version (tracked as issue #6): exits 64."})
final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #6); nothing was done");
    }
}
