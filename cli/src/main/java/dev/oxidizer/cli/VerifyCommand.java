package dev.oxidizer.cli;

import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportFormatException;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.verify.PortVerifier;
import dev.oxidizer.verify.ReportPorts;
import dev.oxidizer.verify.VerifyException;
import dev.oxidizer.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer verify DIR...}: for each port folder written by {@code oxidizer generate}, builds the
 * crate, runs the differential test (Java original against the Rust port) and the JMH benchmark, writes
 * {@code DIR/oxidizer-verify.json}, and with {@code --report} records the measured result in that report.
 * Every folder is verified and reported on its own line even when another fails. Exit codes (the first that applies):
 * 2 bad option; 5 cargo, javac or a forked JVM failed; 7 a port disagrees with Java or is not written yet; 4 a folder
 * is not a port folder, or a bad report; 0 every folder verified.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Run the differential test and the Java-vs-Rust benchmark of generated ports.",
                "Writes DIR/oxidizer-verify.json; with --report, puts the measured speedup into that report",
                "(re-render it with 'oxidizer report')."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders written by 'oxidizer generate'")
    List<Path> dirs;

    @Option(names = {"-cp", "--classpath"}, required = true, paramLabel = "CP",
            description = "the application's classes (folders and jars, separated by ':') holding the original methods")
    String classPath;

    @Option(names = "--report", paramLabel = "FILE", description = "an 'oxidizer analyze' JSON report to record the results in (updated in place, atomically)")
    Path report;

    @Option(names = "--quick", description = "shorter benchmark: 2 warm-up and 3 measured iterations of 0.5 s (default: 3 and 5 of 1 s)")
    boolean quick;

    @Option(names = "--no-benchmark", description = "run the differential test only")
    boolean noBenchmark;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds of the interleaved Java-against-Rust benchmark, 3 to 200; "
            + "its 95%% interval is over the rounds (default: 10, 5 with --quick)")
    Integer rounds;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "1.2", description = "speedup a port must surely exceed: "
            + "an interval above it says port, below it keep the Java, across it inconclusive (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--cargo", paramLabel = "PATH", defaultValue = "cargo", description = "cargo executable (default: cargo on the PATH)")
    String cargo;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", description = "ceiling for each step: build, test, benchmark (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new CliException(ExitCodes.USAGE, "--timeout must be at least 1 second, was " + timeoutSeconds);
        }
        List<Path> cp = Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        if (cp.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--classpath is empty; pass the folders or jars holding the original classes");
        }
        Report before = null;
        if (report != null) {
            try {
                before = ReportJson.read(report);
            } catch (ReportFormatException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot read " + report + ": " + e.getMessage());
            }
        }
        int roundCount = rounds == null ? (quick ? 5 : 10) : rounds;
        if (roundCount < 3 || roundCount > 200) {
            throw new CliException(ExitCodes.USAGE, "--rounds must be 3 to 200 (an interval needs 3), was " + roundCount);
        }
        if (!(threshold >= 1.0 && threshold <= 100)) {
            throw new CliException(ExitCodes.USAGE, "--threshold must be a speedup from 1.0 to 100, was " + threshold);
        }
        PrintWriter out = spec.commandLine().getOut();
        PortVerifier verifier = new PortVerifier(new PortVerifier.Options(cp, Installation.verifyLibDir(), Installation.javaHome(),
                cargo, !noBenchmark, quick, Duration.ofSeconds(timeoutSeconds), System.err, roundCount, threshold));
        List<VerifyResult> results = new ArrayList<>();
        VerifyException firstFailure = null;
        VerifyException toolFailure = null;
        CliException badInput = null;
        for (Path dir : dirs) {
            try {
                VerifyResult r = verifier.verify(dir);
                results.add(r);
                out.println(line(r));
            } catch (VerifyException e) {
                // a folder that is not a port, a port that disagrees, or whose benchmark failed, does not stop the
                // others: each folder's result is reported
                out.println(dir + ": FAILED: " + e.getMessage());
                if (e.kind() == VerifyException.Kind.BAD_INPUT) {
                    badInput = badInput == null ? new CliException(ExitCodes.BAD_INPUT, dir + ": " + e.getMessage()) : badInput;
                    out.flush();
                    continue;
                }
                if (e.kind() == VerifyException.Kind.MISMATCH) {
                    firstFailure = firstFailure == null ? e : firstFailure;
                } else {
                    toolFailure = toolFailure == null ? e : toolFailure;
                }
                try {
                    results.add(VerifyResult.read(dir.toAbsolutePath()));
                } catch (VerifyException unreadable) {
                    // the failure above is the one to report
                }
            }
            out.flush();
        }
        if (before != null) {
            try {
                ReportJson.write(ReportPorts.apply(before, results, threshold), report);
                out.println("Recorded " + results.size() + " port result(s) in " + report + "; render it with: oxidizer report " + report);
            } catch (VerifyException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            } catch (IOException e) {
                throw new CliException(ExitCodes.TOOL_FAILED, "cannot write " + report + ": " + e.getMessage());
            }
        }
        out.flush();
        if (toolFailure != null) {
            throw new CliException(ExitCodes.TOOL_FAILED, toolFailure.getMessage());
        }
        if (firstFailure != null) {
            throw new CliException(ExitCodes.VERIFY_FAILED, firstFailure.getMessage());
        }
        if (badInput != null) {
            throw badInput;
        }
        return ExitCodes.OK;
    }

    /** One line per port: the test, then the verdict in words (never a firm "slower" when the interval says unknown). */
    static String line(VerifyResult r) {
        var p = r.port();
        String body = r.bodyOrigin() == null ? "" : " [body: " + r.bodyOrigin() + "]";
        return r.methodKey() + body + ": differential test passed (" + r.testsRun() + " tests); "
                + (p.verdictReason() != null ? p.verdictReason() : "not benchmarked");
    }
}
