package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer generate}: Write a Rust crate and a Java FFM wrapper for a flagged method. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a Rust crate and a Java FFM wrapper for a flagged method.", "", "NOT BUILT YET in this version (tracked as issue #6): exits 64."})
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #6); nothing was done");
    }
}
