package dev.oxidizer.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code oxidizer analyze}: Read .jfr recordings and rank the methods worth porting to Rust. Not built yet: it says so and exits {@link ExitCodes#NOT_IMPLEMENTED}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Read .jfr recordings and rank the methods worth porting to Rust.", "", "NOT BUILT YET in this version (tracked as issue #4): exits 64."})
final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCodes.NOT_IMPLEMENTED, "not built yet in this version (issue #4); nothing was done");
    }
}
