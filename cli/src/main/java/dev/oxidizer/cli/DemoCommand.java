package dev.oxidizer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code oxidizer demo}: runs the bundled demo application.
 *
 * <p>In this version it runs the demo in a child JVM and passes its output and exit code through; the
 * later steps of the loop (agent, analysis, report, generation, verification) are added as they land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bundled demo application (a service-like workload with known right answers).",
                "",
                "This version runs the demo only; profiling, analysis, report and Rust ports join as they land."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "N",
            description = "How long the demo runs, 1 to 86400 (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "4", paramLabel = "N",
            description = "Request worker threads, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Workload seed; the same seed prints the same checksum (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seconds < 1 || seconds > 86_400) {
            throw new CliException(ExitCodes.USAGE, "--seconds must be 1 to 86400, was " + seconds);
        }
        if (threads < 1 || threads > 256) {
            throw new CliException(ExitCodes.USAGE, "--threads must be 1 to 256, was " + threads);
        }
        List<String> command = new ArrayList<>(List.of(Installation.javaExecutable().toString(), "-jar",
                Installation.demoJar().toString(), "--seconds", Integer.toString(seconds), "--threads",
                Integer.toString(threads), "--seed", Long.toString(seed)));
        System.err.println("oxidizer demo: running the demo for " + seconds + " s on " + threads + " threads (seed " + seed + ")");
        Process child = new ProcessBuilder(command).inheritIO().start();
        // A hard ceiling well past the requested duration: the demo must stop by itself.
        if (!child.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new CliException(ExitCodes.TOOL_FAILED, "the demo did not stop within " + (seconds + 120) + " s; killed it");
        }
        if (child.exitValue() != 0) {
            throw new CliException(ExitCodes.TOOL_FAILED, "the demo exited with code " + child.exitValue());
        }
        return ExitCodes.OK;
    }
}
