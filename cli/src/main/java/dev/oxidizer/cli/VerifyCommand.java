package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer verify}: Run the differential test and the Java-vs-Rust benchmark of a generated crate. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Run the differential test and the Java-vs-Rust benchmark of a generated crate.", "", "NOT BUILT YET in this version (tracked as issue #7): exits 64."})
final class VerifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #7); nothing was done");
    }
}
