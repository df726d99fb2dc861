package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer demo}: Run the whole loop on the bundled demo application. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole loop on the bundled demo application.", "", "NOT BUILT YET in this version (tracked as issue #7): exits 64."})
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #7); nothing was done");
    }
}
